# Bash completion for wrrfig: commands, options, figure ids, table names and
# mapping names. Installed as PREFIX/share/bash-completion/completions/wrrfig.
# Nothing here lists commands or options: they come from `wrrfig --help` and
# `wrrfig CMD --help` (the one declaration in core/src/cmd/), and names from
# `wrrfig list --ids|--tables|--mappings`, so this file never goes stale.

_wrrfig_opts() # the long options of a --help text on stdin
{
    sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p'
}

_wrrfig()
{
    local cur prev bin cmd i w
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    bin=${COMP_WORDS[0]}
    # The global options typed so far (--data DIR and the like) also apply to
    # the lists asked for below; the command is the first other word.
    local -a globals=()
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
        --data|--plugins|--figures|--shared|--lang|--timeout)
            globals+=("$w" "${COMP_WORDS[i+1]}"); ((i++)) ;;
        --data=*|--plugins=*|--figures=*|--shared=*|--lang=*|--timeout=*|--no-builtin)
            globals+=("$w") ;;
        -*) ;;
        *) [[ -z $cmd ]] && cmd=$w ;;
        esac
    done

    case $prev in
    --data|--plugins|--figures|--shared|--out|-o|--registry)
        COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "nl en" -- "$cur")); return ;;
    --timeout|--jobs|-j|--chapter|--claim|--name|--source|--licence|--title|--note|--attrs|--table|--table-title|--table-source|--table-note|--unit|--prefix|--code-key|--name-key|--source-file)
        return ;;
    --from) COMPREPLY=($(compgen -W "rd wgs84" -- "$cur")); return ;;
    --format)
        if [[ $cmd == check ]]; then
            COMPREPLY=($(compgen -W "text json tap markdown" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "svg pdf png svg,pdf,png svg,png" -- "$cur"))
        fi
        return ;;
    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null | _wrrfig_opts)" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
                sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')" -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$("$bin" "$cmd" --help 2>/dev/null | _wrrfig_opts)" -- "$cur"))
        return
    fi
    case $cmd in
    build)
        COMPREPLY=($(compgen -W "$("$bin" "${globals[@]}" list --ids 2>/dev/null)" -- "$cur")) ;;
    info)
        COMPREPLY=($(compgen -W "$("$bin" "${globals[@]}" list --ids 2>/dev/null)
                                 $("$bin" "${globals[@]}" list --tables 2>/dev/null)" -- "$cur")) ;;
    import)
        COMPREPLY=($(compgen -W "$("$bin" "${globals[@]}" list --mappings 2>/dev/null)" -- "$cur")
                   $(compgen -f -X '!*.json' -- "$cur") $(compgen -d -S / -- "$cur")) ;;
    import-geo)
        COMPREPLY=($(compgen -f -X '!*.*json' -- "$cur") $(compgen -d -S / -- "$cur")) ;;
    help)
        COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
            sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')" -- "$cur")) ;;
    esac
}
complete -F _wrrfig wrrfig

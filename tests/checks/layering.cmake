# The include rules of ARCHITECTURE.md that the link graph alone cannot hold, checked over
# the source tree: cmake -DSOURCE_DIR=<repo> -P layering.cmake. Fails, naming each file and
# line, when
#   - ui/ includes anything of server/ but the plain values of server/panel/panelvalues.h
#     (ui/serverbridge.cpp, the bridge itself, may also include server/panel/ and the
#     server's thread): the widgets reach the server only through the bridge;
#   - app/ includes a header of server/http or server/storage: the command line prints
#     records through server/values, not through a dialect;
#   - server/config/ includes http/; server/http/ headers include storage/ or config/.
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository> -P layering.cmake")
endif()

set(violations "")

# check(<glob> <forbidden include regex> <allowed include regex> <reason> [<exempt file regex>])
function(check pattern forbidden allowed reason)
    file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${pattern}")
    foreach(file ${files})
        if(ARGC GREATER 4 AND file MATCHES "${ARGV4}")
            continue()
        endif()
        file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
        foreach(line ${lines})
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*" "\\1" target "${line}")
            if(target MATCHES "${forbidden}" AND NOT target MATCHES "${allowed}")
                list(APPEND violations "${file}: #include \"${target}\" (${reason})")
            endif()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

set(server_headers "^server/|^(core|crypto|storage|http|oidc|values|config|panel)/")
set(nothing "^$")
check("ui/*" "${server_headers}" "^server/panel/panelvalues\\.h$"
      "ui/ sees the server only through ServerBridge and server/panel/panelvalues.h" "^ui/serverbridge\\.cpp$")
check("ui/serverbridge.cpp" "${server_headers}" "^server/(panel/[a-z]+|serverthread)\\.h$"
      "the bridge asks server/panel and the server's thread, nothing below them")
check("app/*" "^(server/)?(http|storage)/" "${nothing}" "app/ prints records through server/values")
check("server/config/*" "^(server/)?http/" "${nothing}" "the configuration knows no HTTP")
check("server/http/*.h" "^(server/)?(storage|config)/" "${nothing}"
      "http/ headers know neither storage nor the whole configuration")

list(LENGTH violations count)
if(count GREATER 0)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "layering: ${count} forbidden include(s):\n  ${text}")
endif()
message(STATUS "layering: ui/, app/, server/config and server/http headers keep to their includes")

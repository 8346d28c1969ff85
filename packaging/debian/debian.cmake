# The Debian packages: gatehoused (server, CLI, systemd unit, configuration, man page) and
# gatehouse (the control panel; depends on gatehoused). Paths follow Debian bookworm: the
# unit in /lib/systemd/system, the configuration in /etc/gatehouse (a conffile).
include(GNUInstallDirs)

set(GATEHOUSE_DEB_REVISION 1)
set(GATEHOUSE_DEB_DIR ${CMAKE_CURRENT_BINARY_DIR}/debian)

# Compressed as lintian expects: gzip -9, no name or time stamp (reproducible).
function(gatehouse_gzip source output)
    add_custom_command(OUTPUT ${output}
        COMMAND gzip -9nc ${source} > ${output}
        DEPENDS ${source}
        COMMENT "gzip ${output}")
endfunction()

# The configuration a packaged service starts with: the commented defaults of
# resources/gatehouse.conf, with two made explicit for a service on a network — it does not
# run open before a password is set, and its keys live in a file of the state directory
# (a system service has no keychain session to ask).
file(READ ${CMAKE_SOURCE_DIR}/resources/gatehouse.conf GATEHOUSE_CONF)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/gatehouse.conf)
# (QSettings reads no comment after a value, so the set lines carry theirs above.)
string(REGEX REPLACE "\n; require_auth = false[^\n]*"
    "\n; Packaged service: protected endpoints answer 503 until a password is set.\nrequire_auth = true"
    GATEHOUSE_CONF "${GATEHOUSE_CONF}")
string(REGEX REPLACE "\n; keystore = auto[^\n]*"
    "\n; Packaged service: the keys in <data dir>/master.key (auto | keychain | file).\nkeystore = file"
    GATEHOUSE_CONF "${GATEHOUSE_CONF}")
file(WRITE ${GATEHOUSE_DEB_DIR}/gatehouse.conf "${GATEHOUSE_CONF}")

gatehouse_gzip(${CMAKE_CURRENT_LIST_DIR}/changelog ${GATEHOUSE_DEB_DIR}/changelog.Debian.gz)
gatehouse_gzip(${CMAKE_SOURCE_DIR}/packaging/man/gatehoused.8 ${GATEHOUSE_DEB_DIR}/gatehoused.8.gz)
gatehouse_gzip(${CMAKE_SOURCE_DIR}/packaging/man/gatehouse.1 ${GATEHOUSE_DEB_DIR}/gatehouse.1.gz)
add_custom_target(debian_files ALL DEPENDS
    ${GATEHOUSE_DEB_DIR}/changelog.Debian.gz ${GATEHOUSE_DEB_DIR}/gatehoused.8.gz ${GATEHOUSE_DEB_DIR}/gatehouse.1.gz)

install(FILES ${CMAKE_SOURCE_DIR}/packaging/systemd/gatehoused.service
    DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${GATEHOUSE_DEB_DIR}/gatehouse.conf DESTINATION /etc/gatehouse COMPONENT server)
install(FILES ${GATEHOUSE_DEB_DIR}/gatehoused.8.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8 COMPONENT server)
install(FILES ${GATEHOUSE_DEB_DIR}/gatehouse.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT panel)
foreach(component_package server:gatehoused panel:gatehouse)
    string(REPLACE ":" ";" pair ${component_package})
    list(GET pair 0 component)
    list(GET pair 1 package)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${GATEHOUSE_DEB_DIR}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides RENAME ${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <package>_<version>-<revision>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${GATEHOUSE_DEB_REVISION})
set(CPACK_DEBIAN_PACKAGE_SOURCE gatehouse)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME gatehoused)
# Qt's SQL drivers are plugins, which dpkg-shlibdeps cannot see: SQLite is the default storage;
# PostgreSQL (several instances on one database, docs/DEPLOYMENT.md) is recommended, not required.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/postinst ${CMAKE_CURRENT_LIST_DIR}/prerm
    ${CMAKE_CURRENT_LIST_DIR}/postrm ${CMAKE_CURRENT_LIST_DIR}/conffiles)
set(CPACK_DEBIAN_SERVER_DESCRIPTION "authentication server for a video encoder's control panel
Gatehouse serves three documented auth API dialects from one core over HTTPS:
an encoder's single-password API, a JWT and HTTP Basic REST API, and a manager
API with API tokens and permissions, plus forward-auth for nginx. This package
holds the headless server gatehoused, its administration commands and a
sandboxed systemd service.")
set(CPACK_DEBIAN_PANEL_PACKAGE_NAME gatehouse)
set(CPACK_DEBIAN_PANEL_PACKAGE_DEPENDS "gatehoused (= ${PROJECT_VERSION}-${GATEHOUSE_DEB_REVISION})")
set(CPACK_DEBIAN_PANEL_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PANEL_DESCRIPTION "desktop control panel of the Gatehouse authentication server
Gatehouse is the authentication service of a video encoder's control panel.
This package holds the desktop application: the server runs inside it, and
its pages manage the device password, user accounts, API tokens, active
sessions and the rate-limit log, with a live view of the audit log.")
# Each description's first line is its package's synopsis; CPack would put the one shared
# summary in front of both.
unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)

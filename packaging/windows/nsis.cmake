# The Windows installer (NSIS): gatehouse.exe and gatehoused.exe in <install dir>\bin with
# the Qt runtime windeployqt gathers beside them, a Start-menu entry for the panel, and the
# sample configuration in <install dir>\share\gatehouse. No service is registered: the panel
# runs the server inside it, and gatehoused can be wrapped by the operator's service manager.
# Only relative destinations: the installer chooses the root.
install(FILES ${CMAKE_SOURCE_DIR}/resources/gatehouse.conf DESTINATION share/gatehouse COMPONENT server)
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION share/doc/gatehouse COMPONENT server)

set(CPACK_GENERATOR NSIS)
set(CPACK_NSIS_DISPLAY_NAME "Gatehouse ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Gatehouse")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Gatehouse")
set(CPACK_NSIS_URL_INFO_ABOUT ${CPACK_PACKAGE_HOMEPAGE_URL})
set(CPACK_NSIS_CONTACT ${CPACK_PACKAGE_CONTACT})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\gatehouse.exe")
set(CPACK_PACKAGE_EXECUTABLES gatehouse "Gatehouse control panel")
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

# The macOS disk image (DragNDrop): gatehouse.app (the panel, with the server inside and
# the Qt frameworks macdeployqt copies into the bundle) to drag into /Applications, and
# gatehoused inside the bundle for those who run it headless
# (gatehouse.app/Contents/MacOS/gatehoused). Only relative destinations.
install(FILES ${CMAKE_SOURCE_DIR}/resources/gatehouse.conf
    DESTINATION gatehouse.app/Contents/Resources COMPONENT server)

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Gatehouse ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

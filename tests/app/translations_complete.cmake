# SPDX-License-Identifier: MIT
# Fails when a translation misses a string of the current sources: lupdate runs into a scratch copy of each .ts
# file (the checked-in file is never touched) and every message left unfinished is reported with its context.
#
# Inputs: PROJECT_IN (the .lupdate/*_project.cmake written by qt_add_translations), LUPDATE, GENERATOR (Qt's
# GenerateLUpdateProject.cmake), WORK_DIR (a scratch folder).

foreach(var PROJECT_IN LUPDATE GENERATOR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "translations_complete.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK_DIR}/project.json
                        -P "${GENERATOR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot generate the lupdate project from ${PROJECT_IN}")
endif()

include("${PROJECT_IN}")  # sets lupdate_translations
set(failures 0)
foreach(ts ${lupdate_translations})
  get_filename_component(name "${ts}" NAME)
  configure_file("${ts}" "${WORK_DIR}/${name}" COPYONLY)
  execute_process(COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -ts "${WORK_DIR}/${name}"
                          -no-obsolete -locations none -silent
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name}: ${err}")
  endif()
  file(READ "${WORK_DIR}/${name}" content)
  string(REGEX MATCHALL "type=\"unfinished\"" marks "${content}")
  list(LENGTH marks count)
  if(count GREATER 0)
    math(EXPR failures "${failures} + ${count}")
    message("${name}: ${count} string(s) without a translation; run the qaoa-workbench_lupdate target and translate:")
    # The source text of (up to) the first 20: a <source>, optional <comment>-like elements, then the mark.
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<[a-z]+>[^<]*</[a-z]+>[ \t\r\n]*)*<translation type=\"unfinished\""
           blocks "${content}")
    list(SUBLIST blocks 0 20 blocks)
    foreach(block IN LISTS blocks)
      string(REGEX MATCH "<source>[^<]*</source>" source "${block}")
      message("  ${source}")
    endforeach()
  endif()
  string(FIND "${content}" "type=\"vanished\"" vanished)
  string(FIND "${content}" "type=\"obsolete\"" obsolete)
  if(NOT vanished EQUAL -1 OR NOT obsolete EQUAL -1)
    message("${name}: holds strings no source uses any more; run the qaoa-workbench_lupdate target")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
if(failures GREATER 0)
  message(FATAL_ERROR "translations are incomplete (${failures} problem(s))")
endif()
message("translations complete: ${lupdate_translations}")

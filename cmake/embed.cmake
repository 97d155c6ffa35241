# Writes OUT: a C++ file defining `extern const std::string_view VAR` with IN's bytes.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
math(EXPR len "${hex_len} / 2")
file(WRITE ${OUT} "#include <string_view>\nnamespace textura::embedded {\nstatic const char kData[] = {${bytes} 0};\nextern const std::string_view ${VAR};\nconst std::string_view ${VAR}(kData, ${len});\n}\n")

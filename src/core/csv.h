#pragma once

#include <string>
#include <string_view>

namespace textura::core {

// RFC 4180 cells. A cell holding `,` `"` CR or LF is quoted, its quotes doubled; rows
// end with CRLF (the caller appends "\r\n").
//
// Text cells that a spreadsheet would run as a formula (starting with = + - @) get a
// leading apostrophe (CSV injection); numbers are written as they are, so "-0.45"
// stays a number a spreadsheet or Python's csv module can sum.
void AppendCsvText(std::string& out, std::string_view cell);
void AppendCsvNumber(std::string& out, std::string_view cell);

// Kopecks as roubles with two decimals: -45 → "-0.45", 123456 → "1234.56".
std::string RoublesText(long long minor);

}  // namespace textura::core

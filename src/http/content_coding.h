#pragma once

#include <string_view>

namespace textura::http {

// A content coding the server may send a static file in (RFC 9110 §8.4.1).
enum class ContentCoding { kIdentity, kGzip, kBrotli };

// The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3), among those
// the file has: the highest q; on a tie brotli, then gzip, then identity (the
// smallest first). `*` stands for any coding not named; q=0 refuses one. Identity is
// sent when nothing else is acceptable, even if refused: a file is never withheld.
// Malformed members are ignored, never an error.
ContentCoding ChooseCoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli);

}  // namespace textura::http

// Boost.Asio and Boost.Beast compiled once for the whole program
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION; TOOLCHAIN.md).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>

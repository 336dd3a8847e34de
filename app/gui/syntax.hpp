#pragma once
// Python syntax colouring for the code view: a line-by-line scanner that knows keywords,
// builtins, strings (also triple-quoted across lines, f-strings), numbers, comments and
// decorators. Enough to read a scenario; not a parser.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace looplab::gui {

enum class TokenKind : uint8_t { text, keyword, async_kw, builtin, string, number, comment, decorator, function };

struct Token {
    uint32_t begin, end;  // byte offsets in the line
    TokenKind kind;
};

struct SourceLines {
    std::vector<std::string> lines;
    std::vector<std::vector<Token>> tokens;
};

SourceLines split_and_colour(std::string_view source);

}  // namespace looplab::gui

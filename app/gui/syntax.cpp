#include "gui/syntax.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace looplab::gui {

namespace {

constexpr std::string_view kKeywords[] = {
    "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
    "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield", "None", "True", "False", "match", "case"};
constexpr std::string_view kBuiltins[] = {
    "print", "range", "len", "list", "dict", "set", "tuple", "str", "int", "float", "type", "isinstance",
    "enumerate", "zip", "sum", "min", "max", "sorted", "super", "self", "Exception", "ValueError",
    "RuntimeError", "TimeoutError", "KeyError", "object", "bool", "repr", "iter", "next", "open"};

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

template <size_t N>
bool in(const std::string_view (&words)[N], std::string_view w) {
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

}  // namespace

SourceLines split_and_colour(std::string_view src) {
    SourceLines out;
    size_t start = 0;
    while (start <= src.size()) {
        size_t nl = src.find('\n', start);
        if (nl == std::string_view::npos) nl = src.size();
        std::string line(src.substr(start, nl - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Tabs as four spaces: ImGui's text has no tab stops.
        for (size_t p; (p = line.find('\t')) != std::string::npos;) line.replace(p, 1, "    ");
        out.lines.push_back(std::move(line));
        if (nl == src.size()) break;
        start = nl + 1;
    }
    if (!out.lines.empty() && out.lines.back().empty() && !src.empty() && src.back() == '\n') out.lines.pop_back();

    std::string open_triple;  // the quote of a triple-quoted string still open at line start
    bool after_def = false;
    for (const std::string& line : out.lines) {
        std::vector<Token> toks;
        size_t i = 0;
        const size_t n = line.size();
        if (!open_triple.empty()) {
            size_t e = line.find(open_triple);
            size_t end = e == std::string::npos ? n : e + 3;
            toks.push_back({0, uint32_t(end), TokenKind::string});
            if (e != std::string::npos) open_triple.clear();
            i = end;
        }
        while (i < n) {
            char c = line[i];
            if (c == '#') {
                toks.push_back({uint32_t(i), uint32_t(n), TokenKind::comment});
                break;
            }
            if (c == '@' && line.find_first_not_of(' ') == i) {
                size_t e = i + 1;
                while (e < n && (ident_char(line[e]) || line[e] == '.')) ++e;
                toks.push_back({uint32_t(i), uint32_t(e), TokenKind::decorator});
                i = e;
                continue;
            }
            // String prefixes (f, r, b, rb...) followed by a quote.
            size_t q = i;
            while (q < n && q - i < 2 && std::strchr("fFrRbBuU", line[q]) && line[q] != '\0') ++q;
            if (q < n && (line[q] == '"' || line[q] == '\'') && (q == i || !ident_char(line[i > 0 ? i - 1 : i]) || i == 0)) {
                const char quote = line[q];
                if (q + 2 < n && line[q + 1] == quote && line[q + 2] == quote) {
                    std::string triple(3, quote);
                    size_t e = line.find(triple, q + 3);
                    if (e == std::string::npos) {
                        toks.push_back({uint32_t(i), uint32_t(n), TokenKind::string});
                        open_triple = triple;
                        i = n;
                    } else {
                        toks.push_back({uint32_t(i), uint32_t(e + 3), TokenKind::string});
                        i = e + 3;
                    }
                    continue;
                }
                size_t e = q + 1;
                while (e < n && line[e] != quote) e += line[e] == '\\' ? 2 : 1;
                e = std::min(n, e + 1);
                toks.push_back({uint32_t(i), uint32_t(e), TokenKind::string});
                i = e;
                continue;
            }
            if (std::isdigit(static_cast<unsigned char>(c))) {
                size_t e = i;
                while (e < n && (std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '.' || line[e] == '_')) ++e;
                toks.push_back({uint32_t(i), uint32_t(e), TokenKind::number});
                i = e;
                continue;
            }
            if (ident_start(c)) {
                size_t e = i;
                while (e < n && ident_char(line[e])) ++e;
                std::string_view w(line.data() + i, e - i);
                TokenKind k = TokenKind::text;
                if (after_def) k = TokenKind::function, after_def = false;
                else if (w == "async" || w == "await") k = TokenKind::async_kw;
                else if (in(kKeywords, w)) k = TokenKind::keyword;
                else if (in(kBuiltins, w) || w == "asyncio") k = TokenKind::builtin;
                if (w == "def" || w == "class") after_def = true;
                if (k != TokenKind::text) toks.push_back({uint32_t(i), uint32_t(e), k});
                i = e;
                continue;
            }
            ++i;
        }
        out.tokens.push_back(std::move(toks));
    }
    return out;
}

}  // namespace looplab::gui

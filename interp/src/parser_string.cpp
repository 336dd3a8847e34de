// Literals: numbers (Parser/pegen.c parsenumber) and strings, bytes and f-strings
// (Parser/string_parser.c of CPython 3.11: _PyPegen_parsestr, decode_unicode_with_escapes,
// fstring_find_literal, fstring_find_expr, fstring_compile_expr, _PyPegen_concatenate_strings).
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "parser_impl.hpp"

namespace looplab::py::detail {

namespace {
bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    return (c | 0x20) - 'a' + 10;
}
}  // namespace

ExprPtr Parser::parse_number(const Token& t) {
    std::string s;
    for (char c : t.text)
        if (c != '_') s += c;
    auto c = std::make_unique<Constant>();
    c->pos = pos_of(t);
    auto too_large = [&]() {
        SyntaxErrorInfo info;
        Pos p = pos_of(t);
        info.message = "integer literal too large for LoopLab (64-bit ints)";
        info.line = p.line;
        info.end_line = p.end_line;
        info.text = std::string(sc_.line_text(t.line));
        info.offset = t.col + 1;
        info.end_offset = t.end_col + 1;
        info.unsupported = true;
        throw ParseError(info);
    };
    char last = s.back();
    if (last == 'j' || last == 'J') unsupported("imaginary numbers (complex literals)", pos_of(t).line);
    if (s.size() > 1 && s[0] == '0' && std::string("xXoObB").find(s[1]) != std::string::npos) {
        int base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
        uint64_t v = 0;
        for (size_t i = 2; i < s.size(); ++i) {
            uint64_t digit = uint64_t(hex_value(s[i]));
            if (v > (uint64_t(INT64_MAX) - digit) / uint64_t(base)) too_large();
            v = v * uint64_t(base) + digit;
        }
        c->value.type = ConstValue::Type::Int;
        c->value.i = int64_t(v);
        return c;
    }
    if (s.find_first_of(".eE") != std::string::npos) {
        double d = 0;
        auto r = std::from_chars(s.data(), s.data() + s.size(), d, std::chars_format::general);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size()) d = std::strtod(s.c_str(), nullptr);
        c->value.type = ConstValue::Type::Float;
        c->value.f = d;
        return c;
    }
    uint64_t v = 0;
    for (char ch : s) {
        uint64_t digit = uint64_t(ch - '0');
        if (v > (uint64_t(INT64_MAX) - digit) / 10) too_large();
        v = v * 10 + digit;
    }
    c->value.type = ConstValue::Type::Int;
    c->value.i = int64_t(v);
    return c;
}

// Concatenation state of _PyPegen_concatenate_strings / FstringParser.
class StringParser {
public:
    StringParser(Parser& p, const Token& first, const Token& last) : p_(p), first_(first), last_(last) {}

    void concat(std::string s) {
        if (s.empty()) return;  // _PyPegen_FstringParser_ConcatAndDel drops empty strings
        last_str_ += s;
        has_last_ = true;
    }
    // _PyPegen_FstringParser_ConcatFstring: the body of one f-string token (or of a format spec).
    void concat_fstring(const Token& t, std::string_view body, size_t& i, bool raw, int lvl);
    ExprPtr finish(const Token& a, const Token& b);
    int depth = 1;

    // decode_unicode_with_escapes / PyBytes_DecodeEscape
    std::string decode(std::string_view s, bool bytes);

private:
    ExprPtr make_str(const Token& a, const Token& b);
    ExprPtr find_expr(const Token& t, std::string_view body, size_t& i, bool raw, int lvl);
    ExprPtr compile_expr(const Token& t, std::string_view body, size_t start, size_t end);
    [[noreturn]] void decode_error(const std::string& msg) { p_.raise_last(msg); }

    Parser& p_;
    const Token& first_;
    const Token& last_;
    std::string last_str_;
    bool has_last_ = false;
    bool fmode_ = false;
    std::vector<ExprPtr> list_;
};

ExprPtr StringParser::make_str(const Token& a, const Token& b) {
    auto c = std::make_unique<Constant>();
    c->pos = p_.span(a, b);
    c->value.type = ConstValue::Type::Str;
    c->value.s = std::move(last_str_);
    if (!first_.text.empty() && first_.text[0] == 'u') c->kind = "u";
    last_str_.clear();
    has_last_ = false;
    return c;
}

ExprPtr StringParser::finish(const Token& a, const Token& b) {
    if (!fmode_) {
        return make_str(a, b);
    }
    if (has_last_) list_.push_back(make_str(a, b));
    auto j = std::make_unique<JoinedStr>();
    j->pos = p_.span(a, b);
    j->values = std::move(list_);
    return j;
}

std::string StringParser::decode(std::string_view s, bool bytes) {
    std::string buf;
    if (!bytes) {
        // Non-ASCII characters become \UXXXXXXXX first, so error positions count them that way.
        for (size_t i = 0; i < s.size();) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (c == '\\') {
                buf += s[i++];
                if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0x80)) {
                    buf += "u005c";
                    if (i >= s.size()) break;
                }
            }
            c = static_cast<unsigned char>(s[i]);
            if (c & 0x80) {
                size_t n = utf8::sequence_length(s, i);
                char esc[16];
                std::snprintf(esc, sizeof esc, "\\U%08x", unsigned(utf8::decode(s, i)));
                buf += esc;
                i += n ? n : 1;
            } else {
                buf += s[i++];
            }
        }
        s = buf;
    }
    std::string out;
    for (size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c != '\\') {
            out += c;
            ++i;
            continue;
        }
        size_t start = i++;
        if (i >= s.size()) {
            if (bytes) decode_error("(value error) Trailing \\ in string");
            decode_error("(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                         std::to_string(start) + "-" + std::to_string(start) + ": \\ at end of string");
        }
        char e = s[i++];
        auto range_error = [&](size_t end, const char* what) {
            decode_error("(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                         std::to_string(start) + "-" + std::to_string(end - 1) + ": " + what);
        };
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'v': out += '\v'; break;
        case 'a': out += '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = unsigned(e - '0');
            for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) v = v * 8 + unsigned(s[i++] - '0');
            if (bytes) out += char(v & 0xFF);
            else utf8::append(out, char32_t(v));
            break;
        }
        case 'x': case 'u': case 'U': {
            if (bytes && e != 'x') {
                out += '\\';
                out += e;
                break;
            }
            int need = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            int got = 0;
            while (got < need && i < s.size() && is_hex(s[i])) {
                v = v * 16 + uint32_t(hex_value(s[i++]));
                ++got;
            }
            if (got < need) {
                if (bytes) decode_error("(value error) invalid \\x escape at position " + std::to_string(start));
                range_error(i, e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                              : "truncated \\UXXXXXXXX escape");
            }
            if (bytes) {
                out += char(v);
            } else {
                if (v > 0x10FFFF) range_error(i, "illegal Unicode character");
                utf8::append(out, char32_t(v));
            }
            break;
        }
        case 'N':
            if (!bytes) {
                if (i < s.size() && s[i] == '{' && s.find('}', i) != std::string_view::npos)
                    p_.unsupported("\\N{...} escapes in string literals", p_.pos_of(first_).line);
                range_error(i, "malformed \\N character escape");
            }
            [[fallthrough]];
        default:
            // An invalid escape keeps its backslash (CPython only warns: DeprecationWarning).
            out += '\\';
            out += e;
        }
    }
    return out;
}

void StringParser::concat_fstring(const Token& t, std::string_view body, size_t& i, bool raw, int lvl) {
    fmode_ = true;
    size_t end = body.size();
    for (;;) {
        // fstring_find_literal
        size_t lit_start = i;
        bool doubled = false;
        while (i < end) {
            char ch = body[i++];
            if (!raw && ch == '\\' && i < end) {
                ch = body[i++];
                if (ch == 'N') {
                    if (i < end && body[i++] == '{') {
                        while (i < end && body[i++] != '}') {
                        }
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0) {
                    if (i < end && body[i] == ch) {
                        doubled = true;
                        break;
                    }
                    if (ch == '}') {
                        --i;
                        p_.raise_last("f-string: single '}' is not allowed");
                    }
                }
                --i;
                break;
            }
        }
        std::string_view lit = body.substr(lit_start, i - lit_start);
        if (doubled) ++i;  // the literal keeps one brace, the second is skipped
        if (!lit.empty()) concat(raw ? std::string(lit) : decode(lit, false));
        if (doubled) continue;
        if (i >= end || body[i] == '}') break;
        // An expression.
        ExprPtr e = find_expr(t, body, i, raw, lvl);
        if (has_last_) list_.push_back(make_str(first_, last_));
        list_.push_back(std::move(e));
    }
    if (lvl == 0 && i + 1 < end) p_.raise_last("f-string: unexpected end of string");
    if (lvl != 0 && (i >= end || body[i] != '}')) p_.raise_last("f-string: expecting '}'");
}

// fstring_find_expr: `{expr[=][!c][:spec]}` starting at body[i] == '{'.
ExprPtr StringParser::find_expr(const Token& t, std::string_view body, size_t& i, bool raw, int lvl) {
    if (lvl >= 2) p_.raise_last("f-string: expressions nested too deeply");
    size_t end = body.size();
    ++i;  // '{'
    size_t expr_start = i;
    char quote = 0;
    int string_type = 0;
    std::vector<char> parens;
    for (; i < end; ++i) {
        char ch = body[i];
        if (ch == '\\') p_.raise_last("f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (i + 2 < end && body[i + 1] == ch && body[i + 2] == ch) {
                        i += 2;
                        string_type = 0;
                        quote = 0;
                    }
                } else {
                    string_type = 0;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (i + 2 < end && body[i + 1] == ch && body[i + 2] == ch) {
                string_type = 3;
                i += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (parens.size() >= 200) p_.raise_last("f-string: too many nested parenthesis");
            parens.push_back(ch);
        } else if (ch == '#') {
            p_.raise_last("f-string expression part cannot include '#'");
        } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (i + 1 < end) {
                char next = body[i + 1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
                    (ch == '>' && next == '=')) {
                    ++i;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (parens.empty()) p_.raise_last(std::string("f-string: unmatched '") + ch + "'");
            char open = parens.back();
            parens.pop_back();
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
                p_.raise_last(std::string("f-string: closing parenthesis '") + ch +
                              "' does not match opening parenthesis '" + open + "'");
        }
    }
    size_t expr_end = i;
    if (quote) p_.raise_last("f-string: unterminated string");
    if (!parens.empty()) p_.raise_last(std::string("f-string: unmatched '") + parens.back() + "'");
    if (i >= end) p_.raise_last("f-string: expecting '}'");

    ExprPtr value = compile_expr(t, body, expr_start, expr_end);
    int d = p_.ld_;
    std::string expr_text;
    bool has_text = false;
    if (body[i] == '=') {
        ++i;
        while (i < end && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' ||
                           body[i] == '\f' || body[i] == '\v'))
            ++i;
        if (i >= end) p_.raise_last("f-string: expecting '}'");
        expr_text = std::string(body.substr(expr_start, i - expr_start));
        has_text = true;
    }
    int conversion = -1;
    if (body[i] == '!') {
        ++i;
        if (i >= end) p_.raise_last("f-string: expecting '}'");
        conversion = static_cast<unsigned char>(body[i++]);
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
            p_.raise_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    ExprPtr spec;
    if (i < end && body[i] == ':') {
        ++i;
        if (i >= end) p_.raise_last("f-string: expecting '}'");
        StringParser sub(p_, t, t);
        sub.concat_fstring(t, body, i, raw, lvl + 1);
        spec = sub.finish(t, t);
        d = std::max(d, sub.depth + 1);
    }
    if (i >= end || body[i] != '}') p_.raise_last("f-string: expecting '}'");
    ++i;
    if (has_text) {
        concat(expr_text);
        if (!spec && conversion == -1) conversion = 'r';
    }
    auto fv = std::make_unique<FormattedValue>();
    fv->pos = p_.span(first_, last_);
    fv->value = std::move(value);
    fv->conversion = conversion;
    fv->format_spec = std::move(spec);
    depth = std::max(depth, d + 2);
    if (depth > kMaxDepth) p_.too_deep();
    return fv;
}

// fstring_compile_expr: parse "(" + expression text + ")" with a sub-parser whose nodes carry
// positions in the file (fstring_find_expr_location).
ExprPtr StringParser::compile_expr(const Token& t, std::string_view body, size_t start, size_t end) {
    size_t k = start;
    while (k < end && (body[k] == ' ' || body[k] == '\t' || body[k] == '\n' || body[k] == '\f')) ++k;
    if (k == end) {
        char c = body[end];
        if (c == '!' || c == ':' || c == '=')
            p_.raise_last(std::string("f-string: expression required before '") + c + "'");
        p_.raise_last("f-string: empty expression not allowed");
    }
    // Offset of the body in the token text, and of the '{' before the expression.
    size_t body_off = size_t(body.data() - t.text.data());
    size_t brace = body_off + start - 1;
    bool newline_after_brace = true;
    for (size_t j = brace + 1; j < t.text.size() && t.text[j] != '}' && t.text[j] != '\n'; ++j) {
        if (t.text[j] != ' ' && t.text[j] != '\t' && t.text[j] != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    int cols = 0, lines = 0;
    if (!newline_after_brace) {
        size_t s = brace;
        while (s > 0 && t.text[s] != '\n') --s;
        cols = int(brace - s);
        if (t.text[s] == '\n') cols -= 1;
    }
    for (size_t j = 0; j < brace; ++j)
        if (t.text[j] == '\n') ++lines;
    Pos tp = p_.pos_of(t);
    int first_line = tp.line + lines;
    int first_col = lines != 0 ? cols : tp.col + cols;

    std::string src = "(" + std::string(body.substr(start, end - start)) + ")\n";
    Parser sub(src, p_.warnings_);
    sub.stack_base_ = p_.stack_base_;
    sub.set_fstring_origin(first_line, first_col, p_.depth_);
    ExprPtr e = sub.parse_fstring_expr();
    p_.ld_ = sub.ld_;
    return e;
}

// strings: STRING+ (_PyPegen_concatenate_strings)
ExprPtr Parser::strings() {
    Guard g(*this);
    std::vector<Token> ts;
    while (at(TokType::String)) ts.push_back(take());
    cur();  // STRING+ looks at the next token; errors below are reported there
    StringParser sp(*this, ts.front(), ts.back());
    bool bytesmode = false;
    std::string bytes;
    for (size_t n = 0; n < ts.size(); ++n) {
        const Token& t = ts[n];
        std::string_view text = t.text;
        size_t q = text.find_first_of("'\"");
        bool b = false, r = false, f = false;
        for (size_t k = 0; k < q; ++k) {
            char c = char(text[k] | 0x20);
            b |= c == 'b';
            r |= c == 'r';
            f |= c == 'f';
        }
        size_t qs = (text.size() - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q]) ? 3 : 1;
        std::string_view body = text.substr(q + qs, text.size() - q - 2 * qs);
        if (b) {
            for (char c : body)
                if (static_cast<unsigned char>(c) >= 0x80) raise_last("bytes can only contain ASCII literal characters");
        }
        std::string decoded;
        if (!f) decoded = r ? std::string(body) : sp.decode(body, b);
        if (n != 0 && bytesmode != b) raise_last("cannot mix bytes and nonbytes literals");
        bytesmode = b;
        if (f) {
            size_t i = 0;
            sp.concat_fstring(t, body, i, r, 0);
        } else if (b) {
            bytes += decoded;
        } else {
            sp.concat(std::move(decoded));
        }
    }
    if (bytesmode) {
        auto c = std::make_unique<Constant>();
        c->pos = span(ts.front(), ts.back());
        c->value.type = ConstValue::Type::Bytes;
        c->value.s = std::move(bytes);
        ld_ = 1;
        return c;
    }
    ExprPtr e = sp.finish(ts.front(), ts.back());
    ld_ = e->kind == ExprKind::JoinedStr ? sp.depth : 1;
    tree_depth(ld_);
    return e;
}

}  // namespace looplab::py::detail

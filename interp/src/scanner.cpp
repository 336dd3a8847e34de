// Port of CPython 3.11's Parser/tokenizer.c (tok_get, tok_nextc, verify_end_of_number, ...).
// Error messages and their positions follow tokenizer.c's syntaxerror()/indenterror() and
// Parser/pegen_errors.c's _Pypegen_tokenizer_error().
#include "looplab/py/scanner.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>


namespace looplab::py {

namespace {
constexpr int kEOF = -1;
constexpr int kTabSize = 8;       // tokenizer.c TABSIZE
constexpr size_t kMaxIndent = 100;  // tokenizer.h MAXINDENT
constexpr size_t kMaxLevel = 200;   // tokenizer.h MAXLEVEL

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
}  // namespace

bool is_keyword(std::string_view n) {
    static constexpr std::string_view kws[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield"};
    for (auto k : kws)
        if (k == n) return true;
    return false;
}

Scanner::Scanner(std::string_view source) : src_(source) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < src_.size(); ++i)
        if (src_[i] == '\n' && i + 1 < src_.size()) line_starts_.push_back(uint32_t(i + 1));
}

std::string_view Scanner::line_text(int line) const {
    if (line < 1 || line > int(line_starts_.size())) return {};
    size_t b = line_starts_[size_t(line - 1)];
    size_t e = src_.find('\n', b);
    if (e == std::string_view::npos) e = src_.size();
    return src_.substr(b, e - b);
}

int Scanner::chars_upto(int line, int nbytes) const {
    // _PyPegen_byte_offset_to_character_offset: decodes line[:n] with "replace" (a cut multi-byte
    // character still counts once); n is clipped to len(line + "\n") + 1.
    std::string_view t = line_text(line);
    size_t n = std::min(size_t(std::max(nbytes, 0)), t.size() + 2);
    int chars = 0;
    for (size_t i = 0; i < n && i < t.size(); ++i)
        if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++chars;
    if (n > t.size()) chars += int(n - t.size());
    return chars;
}

// Errors raised through pegen (RAISE_ERROR_KNOWN_LOCATION) when running a file carry 1-based
// BYTE columns: pegen only converts to characters when the tokenizer has an encoding, which a
// file without a coding cookie does not (pegen_errors.c _PyPegen_raise_error_known_location).
SyntaxErrorInfo Scanner::error_at(std::string kind, std::string msg, int line, int byte_col,
                                  int end_line, int end_byte_col) const {
    SyntaxErrorInfo info;
    info.kind = std::move(kind);
    info.message = std::move(msg);
    info.line = line;
    info.end_line = end_line;
    info.text = std::string(line_text(line));
    info.offset = byte_col + 1;
    info.end_offset = end_byte_col < 0 ? end_byte_col : end_byte_col + 1;
    return info;
}

void Scanner::raise(std::string msg, int line, int byte_col, int end_byte_col) const {
    throw ParseError(error_at("SyntaxError", std::move(msg), line, byte_col, line, end_byte_col));
}

void Scanner::raise_unclosed_paren() const {
    // pegen_errors.c raise_unclosed_parentheses_error: at the innermost open bracket, end -1.
    const Paren& p = parens_.back();
    SyntaxErrorInfo info = error_at("SyntaxError", std::string("'") + p.ch + "' was never closed",
                                    p.line, p.col, p.line, 0);
    info.end_offset = 0;
    throw ParseError(info);
}

// tok_nextc: the next byte, or kEOF. A line becomes current when its first byte is read.
int Scanner::nextc() {
    if (pos_ >= src_.size()) return kEOF;
    if (pos_ > line_start_ && src_[pos_ - 1] == '\n') {
        line_start_ = pos_;
        ++lineno_;
    }
    return static_cast<unsigned char>(src_[pos_++]);
}

void Scanner::backup(int c) {
    if (c != kEOF) --pos_;
}

// tokenizer.c syntaxerror(): message at the current position (offset = characters up to cur).
void Scanner::syntax_error(std::string msg) {
    SyntaxErrorInfo info;
    info.message = std::move(msg);
    info.line = lineno_;
    info.text = std::string(line_text(lineno_));
    info.offset = info.end_offset = chars_upto(lineno_, int(pos_ - line_start_));
    error_class = ErrorClass::SyntaxError;
    throw ParseError(info);
}

// tokenizer.c syntaxerror_known_range(): 1-based character columns given by the caller.
void Scanner::syntax_error_range(std::string msg, int col, int end_col) {
    SyntaxErrorInfo info;
    info.message = std::move(msg);
    info.line = lineno_;
    info.text = std::string(line_text(lineno_));
    info.offset = col;
    info.end_offset = end_col;
    error_class = ErrorClass::SyntaxError;
    throw ParseError(info);
}

// _Pypegen_tokenizer_error for E_TABSPACE / E_TOODEEP / E_LINECONT: RAISE_ERROR_KNOWN_LOCATION
// at (lineno, col + 1) with end_col_offset -1 + 1 = 0.
void Scanner::indentation_error(std::string kind, std::string msg, int byte_col) {
    SyntaxErrorInfo info = error_at(std::move(kind), std::move(msg), lineno_, byte_col, lineno_, 0);
    info.end_offset = 0;
    error_class = ErrorClass::Done;
    throw ParseError(info);
}

bool Scanner::lookahead(const char* test) {
    // tokenizer.c lookahead(): reads the rest of `test` and puts everything back.
    size_t saved = pos_;
    int saved_line = lineno_;
    size_t saved_start = line_start_;
    bool ok = true;
    for (const char* s = test; *s; ++s) {
        if (nextc() != static_cast<unsigned char>(*s)) { ok = false; break; }
    }
    bool res = ok && !is_identifier_char(pos_ < src_.size() ? src_[pos_] : ' ');
    pos_ = saved;
    lineno_ = saved_line;
    line_start_ = saved_start;
    return res;
}

// tokenizer.c verify_end_of_number: `1if x else y` is accepted with a warning; `1abc` is an
// error naming the literal's kind.
void Scanner::verify_end_of_number(int c, const char* kind) {
    bool r = false;
    if (c == 'a') r = lookahead("nd");
    else if (c == 'e') r = lookahead("lse");
    else if (c == 'f') r = lookahead("or");
    else if (c == 'i') {
        int c2 = pos_ < src_.size() ? static_cast<unsigned char>(src_[pos_]) : kEOF;
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o') r = lookahead("r");
    else if (c == 'n') r = lookahead("ot");
    if (r) {
        warnings.push_back({std::string("invalid ") + kind + " literal", lineno_});
    } else if (c != kEOF && is_identifier_char(static_cast<unsigned char>(c))) {
        backup(c);
        syntax_error(std::string("invalid ") + kind + " literal");
    }
}

// tokenizer.c tok_decimal_tail: digits with single underscores between them.
int Scanner::decimal_tail() {
    int c;
    for (;;) {
        do { c = nextc(); } while (is_digit(c));
        if (c != '_') break;
        c = nextc();
        if (!is_digit(c)) {
            backup(c);
            syntax_error("invalid decimal literal");
        }
    }
    return c;
}

int Scanner::continuation_line() {
    // tokenizer.c tok_continuation_line
    int c = nextc();
    if (c != '\n') {
        // E_LINECONT: col_offset = cur - line - 1, then +1.
        indentation_error("SyntaxError", "unexpected character after line continuation character",
                          int(pos_ - line_start_) - 1);
    }
    c = nextc();
    if (c == kEOF) {
        if (!parens_.empty()) {
            error_class = ErrorClass::EofInParens;
            raise_unclosed_paren();
        }
        // E_EOF: "unexpected EOF while parsing" at cur (= end of input), pegen_errors.c.
        SyntaxErrorInfo info = error_at("SyntaxError", "unexpected EOF while parsing", lineno_,
                                        int(pos_ - line_start_) - 1, lineno_, -1);
        if (produced_ == 0) info.offset = 0;  // pegen: no token yet, column 0
        error_class = ErrorClass::Done;
        throw ParseError(info);
    }
    backup(c);
    return c;
}

Token Scanner::make(TokType t, size_t start) const {
    Token tok;
    tok.type = t;
    tok.text = src_.substr(start, pos_ - start);
    tok.start = uint32_t(start);
    tok.end_line = lineno_;
    tok.end_col = int(pos_ - line_start_);
    tok.line = lineno_;
    tok.col = int(start - line_start_);
    tok.level = int(parens_.size());
    return tok;
}

Token Scanner::next() {
    if (failed_) throw ParseError(*failed_);
    try {
        Token t = next_token();
        ++produced_;
        return t;
    } catch (ParseError& e) {
        failed_ = std::make_unique<ParseError>(e);
        throw;
    }
}

Token Scanner::next_token() {
    if (done_) {
        Token t;
        t.line = t.end_line = lineno_;
        return t;
    }
nextline:
    bool blankline = false;
    if (atbol_) {
        atbol_ = false;
        int col = 0, altcol = 0, c;
        for (;;) {
            c = nextc();
            if (c == ' ') { ++col; ++altcol; }
            else if (c == '\t') { col = (col / kTabSize + 1) * kTabSize; ++altcol; }
            else if (c == '\f') { col = altcol = 0; }
            else break;
        }
        backup(c);
        if (c == '#' || c == '\n') blankline = true;  // comment-only and blank lines are ignored
        if (!blankline && parens_.empty()) {
            if (col == indstack_.back()) {
                if (altcol != altindstack_.back())
                    indentation_error("TabError", "inconsistent use of tabs and spaces in indentation", 0);
            } else if (col > indstack_.back()) {
                if (indstack_.size() >= kMaxIndent)
                    indentation_error("IndentationError", "too many levels of indentation", 0);
                if (altcol <= altindstack_.back())
                    indentation_error("TabError", "inconsistent use of tabs and spaces in indentation", 0);
                ++pendin_;
                indstack_.push_back(col);
                altindstack_.push_back(altcol);
            } else {
                while (indstack_.size() > 1 && col < indstack_.back()) {
                    --pendin_;
                    indstack_.pop_back();
                    altindstack_.pop_back();
                }
                if (col != indstack_.back()) {
                    // E_DEDENT, reported by the parser at tok->cur = end of the line.
                    std::string_view line = line_text(lineno_);
                    SyntaxErrorInfo info;
                    info.kind = "IndentationError";
                    info.message = "unindent does not match any outer indentation level";
                    info.line = lineno_;
                    info.text = std::string(line);
                    info.offset = int(line.size()) + 1;  // tok->cur - line_start, in bytes
                    info.end_offset = -1;
                    error_class = ErrorClass::Done;
                    throw ParseError(info);
                }
                if (altcol != altindstack_.back())
                    indentation_error("TabError", "inconsistent use of tabs and spaces in indentation", 0);
            }
        }
    }

    if (pendin_ != 0) {
        Token t = make(pendin_ < 0 ? TokType::Dedent : TokType::Indent, pos_);
        pendin_ += pendin_ < 0 ? 1 : -1;
        return t;
    }

again:
    int c;
    do { c = nextc(); } while (c == ' ' || c == '\t' || c == '\f');
    size_t start = c == kEOF ? pos_ : pos_ - 1;

    if (c == '#') {
        while (c != kEOF && c != '\n') c = nextc();
        start = c == kEOF ? pos_ : pos_ - 1;
    }

    if (c == kEOF) {
        if (!parens_.empty()) {
            error_class = ErrorClass::EofInParens;
            raise_unclosed_paren();
        }
        done_ = true;
        return make(TokType::EndMarker, pos_);
    }

    if (is_identifier_start(static_cast<unsigned char>(c))) {
        // String prefixes: any order of b/r, f/r, a lone u (tokenizer.c).
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
            else break;
            c = nextc();
            if (c == '"' || c == '\'') return string(start, c);
        }
        bool nonascii = false;
        while (c != kEOF && is_identifier_char(static_cast<unsigned char>(c))) {
            if (c >= 128) nonascii = true;
            c = nextc();
        }
        backup(c);
        if (nonascii) verify_identifier(start);
        return make(TokType::Name, start);
    }

    if (c == '\n') {
        atbol_ = true;
        if (blankline || !parens_.empty()) goto nextline;
        cont_line_ = false;
        Token t = make(TokType::Newline, start);
        t.text = {};
        t.end_line = t.line;
        t.end_col = t.col;  // tokenizer.c: p_end = cur - 1 (the newline is left out)
        return t;
    }

    if (c == '.') {
        c = nextc();
        if (is_digit(c)) return number(start, '.');
        if (c == '.') {
            c = nextc();
            if (c == '.') return make(TokType::Op, start);
            backup(c);
            backup('.');
        } else {
            backup(c);
        }
        return make(TokType::Op, start);
    }

    if (is_digit(c)) return number(start, c);

    if (c == '\'' || c == '"') return string(start, c);

    if (c == '\\') {
        continuation_line();
        cont_line_ = true;
        goto again;
    }

    // Two- and three-character operators (Parser/token.c PyToken_TwoChars/ThreeChars).
    {
        static constexpr std::string_view two[] = {"!=", "%=", "&=", "**", "*=", "+=", "-=",
                                                   "->", "//", "/=", ":=", "<<", "<=", "<>",
                                                   "==", ">=", ">>", "@=", "^=", "|="};
        static constexpr std::string_view three[] = {"**=", "...", "//=", "<<=", ">>="};
        std::string_view rest = src_.substr(start);
        for (auto t3 : three)
            if (rest.substr(0, 3) == t3) {
                pos_ = start + 3;
                return make(TokType::Op, start);
            }
        for (auto t2 : two)
            if (rest.substr(0, 2) == t2) {
                pos_ = start + 2;
                return make(TokType::Op, start);
            }
    }

    switch (c) {
    case '(': case '[': case '{':
        if (parens_.size() >= kMaxLevel) syntax_error("too many nested parentheses");
        parens_.push_back({char(c), lineno_, int(start - line_start_)});
        break;
    case ')': case ']': case '}': {
        if (parens_.empty()) syntax_error(std::string("unmatched '") + char(c) + "'");
        Paren open = parens_.back();
        parens_.pop_back();
        if (!((open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') ||
              (open.ch == '{' && c == '}'))) {
            std::string msg = std::string("closing parenthesis '") + char(c) +
                              "' does not match opening parenthesis '" + open.ch + "'";
            if (open.line != lineno_) msg += " on line " + std::to_string(open.line);
            syntax_error(msg);
        }
        break;
    }
    default:
        if (c < 0x20 || c == 0x7f) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "%04X", c);
            syntax_error(std::string("invalid non-printable character U+") + hex);
        }
    }
    return make(TokType::Op, start);
}

// The NUMBER branch of tok_get. `c` is the first character ('.' for ".5").
Token Scanner::number(size_t start, int c) {
    if (c == '.') goto fraction_digits;
    if (c == '0') {
        c = nextc();
        if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            int kind = c | 0x20;
            const char* kname = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            auto ok = [kind](int ch) {
                return kind == 'x' ? is_xdigit(ch) : kind == 'o' ? (ch >= '0' && ch <= '7')
                                                                 : (ch == '0' || ch == '1');
            };
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (!ok(c)) {
                    if (kind != 'x' && is_digit(c))
                        syntax_error(std::string("invalid digit '") + char(c) + "' in " + kname + " literal");
                    backup(c);
                    syntax_error(std::string("invalid ") + kname + " literal");
                }
                do { c = nextc(); } while (ok(c));
            } while (c == '_');
            if (kind != 'x' && is_digit(c))
                syntax_error(std::string("invalid digit '") + char(c) + "' in " + kname + " literal");
            verify_end_of_number(c, kname);
            backup(c);
            return make(TokType::Number, start);
        }
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc();
                if (!is_digit(c)) {
                    backup(c);
                    syntax_error("invalid decimal literal");
                }
            }
            if (c != '0') break;
            c = nextc();
        }
        size_t zeros_end = pos_;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail();
        }
        if (c == '.') {
            c = nextc();
            goto fraction;
        } else if (c == 'e' || c == 'E') {
            goto exponent;
        } else if (c == 'j' || c == 'J') {
            goto imaginary;
        } else if (nonzero) {
            backup(c);
            syntax_error_range("leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers",
                               int(start - line_start_) + 1, int(zeros_end - line_start_));
        }
        verify_end_of_number(c, "decimal");
        backup(c);
        return make(TokType::Number, start);
    }
    c = decimal_tail();
    if (c == '.') {
    fraction_digits:
        c = nextc();
    fraction:
        if (is_digit(c)) c = decimal_tail();
    }
    if (c == 'e' || c == 'E') {
    exponent:
        int e = c;
        c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!is_digit(c)) {
                backup(c);
                syntax_error("invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(c);
            verify_end_of_number(e, "decimal");
            backup(e);
            return make(TokType::Number, start);
        }
        c = decimal_tail();
    }
    if (c == 'j' || c == 'J') {
    imaginary:
        c = nextc();
        verify_end_of_number(c, "imaginary");
    } else {
        verify_end_of_number(c, "decimal");
    }
    backup(c);
    return make(TokType::Number, start);
}

// The STRING branch of tok_get; `start` is at the prefix, `quote` was just read.
Token Scanner::string(size_t start, int quote) {
    int first_line = lineno_;
    size_t first_line_start = line_start_;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc();
    if (c == quote) {
        c = nextc();
        if (c == quote) quote_size = 3;
        else end_quote_size = 1;  // empty string
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
        c = nextc();
        if (c == kEOF || (quote_size == 1 && c == '\n')) {
            // Reported at the string's first character, on its first line.
            int detected = lineno_;
            SyntaxErrorInfo info;
            info.message = std::string(quote_size == 3 ? "unterminated triple-quoted string literal"
                                                       : "unterminated string literal") +
                           " (detected at line " + std::to_string(detected) + ")";
            info.line = first_line;
            info.text = std::string(line_text(first_line));
            info.offset = char_offset(first_line, int(start - first_line_start));
            info.end_offset = info.offset;
            error_class = ErrorClass::SyntaxError;
            throw ParseError(info);
        }
        if (c == quote) {
            ++end_quote_size;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc();
        }
    }
    Token t = make(TokType::String, start);
    t.line = first_line;
    t.col = int(start - first_line_start);
    return t;
}

// tokenizer.c verify_identifier: the first character that cannot be part of an identifier is
// reported as "invalid character '…' (U+2026)".
void Scanner::verify_identifier(size_t start) {
    std::string_view id = src_.substr(start, pos_ - start);
    size_t i = 0;
    bool first = true;
    while (i < id.size()) {
        size_t n = utf8::sequence_length(id, i);
        char32_t cp = utf8::decode(id, i);
        bool ok = first ? utf8::is_xid_start(cp) : utf8::is_xid_continue(cp);
        if (!ok) {
            pos_ = start + i + n;
            char hex[16];
            std::snprintf(hex, sizeof hex, "%04X", unsigned(cp));
            if (utf8::is_printable(cp))
                syntax_error("invalid character '" + std::string(id.substr(i, n)) + "' (U+" + hex + ")");
            syntax_error(std::string("invalid non-printable character U+") + hex);
        }
        first = false;
        i += n;
    }
}

}  // namespace looplab::py

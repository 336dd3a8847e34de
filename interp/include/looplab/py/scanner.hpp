// Tokenizer for the scenario language, a port of CPython 3.11's Parser/tokenizer.c (tok_get):
// NAME, NUMBER, STRING (whole literal, prefix and quotes included; f-strings are decoded by the
// parser, as in 3.11's string_parser.c), OP, NEWLINE, INDENT, DEDENT, ENDMARKER. Blank and
// comment-only lines produce nothing; newlines inside brackets are ignored; `\` joins lines.
// Tokens are produced on demand so that, as in CPython, a tokenizer error is only reported when
// the parser reaches it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/parser.hpp"

namespace looplab::py {

enum class TokType : uint8_t { EndMarker, Name, Number, String, Op, Newline, Indent, Dedent };

struct Token {
    TokType type = TokType::EndMarker;
    std::string_view text;  // exact source text ("" for NEWLINE/INDENT/DEDENT/ENDMARKER)
    int line = 0, col = 0;          // 1-based line, 0-based byte column of the first byte
    int end_line = 0, end_col = 0;  // position just past the last byte
    uint32_t start = 0;             // byte offset of the first byte in the (normalized) source
    int level = 0;                  // bracket depth after this token (tok->level)

    bool is_op(std::string_view s) const { return type == TokType::Op && text == s; }
    bool is_name(std::string_view s) const { return type == TokType::Name && text == s; }
};

// UTF-8 helpers (the source is UTF-8; columns are bytes, SyntaxError offsets are characters).
namespace utf8 {
// Length of the well-formed UTF-8 sequence at s[i], or 0 if it is malformed.
size_t sequence_length(std::string_view s, size_t i);
// Code point at s[i] (which must start a well-formed sequence).
char32_t decode(std::string_view s, size_t i);
void append(std::string& out, char32_t cp);
// Approximations of Unicode's XID_Start / XID_Continue and of Py_UNICODE_ISPRINTABLE
// for the characters scenarios use (letters of all scripts are accepted; punctuation, symbols,
// spaces and emoji are not). LoopLab has no Unicode database; see the comment in scanner.cpp.
bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);
bool is_printable(char32_t cp);
}  // namespace utf8

// Python's hard keywords (Lib/keyword.py kwlist): never valid as identifiers.
bool is_keyword(std::string_view name);

class Scanner {
public:
    // `source` must stay alive while the scanner and its tokens are used. It must already be
    // normalized by normalize_source().
    explicit Scanner(std::string_view source);

    // Universal newlines (\r\n and \r become \n), a trailing newline added when missing, the UTF-8
    // BOM dropped, as CPython's file reader does before tokenizing. Throws ParseError for invalid
    // UTF-8 (CPython's "Non-UTF-8 code starting with ..." message, which names the file and has
    // no line, so it prints as a single line) and for NUL bytes ("source code cannot contain null
    // bytes", compile()'s wording: CPython 3.11 mangles such files when run directly).
    static std::string normalize_source(std::string_view raw, std::string_view filename = "<string>");

    // The next token. Throws ParseError on a tokenizer error; after an error every call throws
    // the same error again.
    Token next();

    // --- location helpers shared with the parser ------------------------------------------------
    std::string_view line_text(int line) const;  // without the newline
    int line_count() const { return int(line_starts_.size()); }
    // 1-based character offset for a 0-based byte column (CPython's
    // _PyPegen_byte_offset_to_character_offset(line, col + 1)).
    int char_offset(int line, int byte_col) const { return chars_upto(line, byte_col + 1); }
    // Characters in the first `nbytes` bytes of the line (+ its newline), partial ones included.
    int chars_upto(int line, int nbytes) const;
    SyntaxErrorInfo error_at(std::string kind, std::string msg, int line, int byte_col,
                             int end_line, int end_byte_col) const;
    [[noreturn]] void raise(std::string msg, int line, int byte_col, int end_byte_col) const;

    // Bracket nesting (tok->level, parenstack, parenlinenostack, parencolstack).
    struct Paren {
        char ch;
        int line, col;
    };
    const std::vector<Paren>& parens() const { return parens_; }
    [[noreturn]] void raise_unclosed_paren() const;  // "'(' was never closed"
    bool at_eof() const { return pos_ >= src_.size(); }

    // Literal helpers (also used by the parser's number/string decoding).
    static bool is_identifier_start(unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    }
    static bool is_identifier_char(unsigned char c) {
        return is_identifier_start(c) || (c >= '0' && c <= '9');
    }

    // Python's `warnings` the tokenizer emits (SyntaxWarning "invalid decimal literal" for `1if`).
    std::vector<SyntaxWarningInfo> warnings;

    // How the last thrown error would behave in pegen's _PyPegen_tokenize_full_source_to_check_
    // for_errors: SyntaxError (tokenizer.c syntaxerror(), sets an exception: overrides a parser
    // error), Done (tok->done code only, e.g. an indentation error: does not), EofInParens.
    enum class ErrorClass : uint8_t { SyntaxError, Done, EofInParens };
    ErrorClass error_class = ErrorClass::SyntaxError;

private:
    Token next_token();
    int nextc();
    void backup(int c);
    [[noreturn]] void syntax_error(std::string msg);  // at the current position (tokenizer.c syntaxerror)
    [[noreturn]] void syntax_error_range(std::string msg, int col, int end_col);  // 1-based char cols
    [[noreturn]] void indentation_error(std::string kind, std::string msg, int byte_col);
    bool lookahead(const char* test);
    void verify_end_of_number(int c, const char* kind);
    int decimal_tail();
    Token make(TokType t, size_t start) const;
    Token number(size_t start, int c);
    Token string(size_t start, int quote);
    void verify_identifier(size_t start);
    int continuation_line();

    std::string_view src_;
    size_t pos_ = 0;
    size_t line_start_ = 0;
    int lineno_ = 1;
    std::vector<uint32_t> line_starts_;

    bool atbol_ = true;
    int pendin_ = 0;
    std::vector<int> indstack_{0}, altindstack_{0};
    std::vector<Paren> parens_;
    bool cont_line_ = false;
    bool done_ = false;  // ENDMARKER returned
    int produced_ = 0;   // tokens returned so far
    std::unique_ptr<ParseError> failed_;
};

}  // namespace looplab::py

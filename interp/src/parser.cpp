// Parser entry points, token buffer, positions, error reporting (Parser/pegen.c,
// Parser/pegen_errors.c) and CPython's SyntaxError printing (Python/pythonrun.c print_exception,
// print_error_text).
#include <algorithm>

#include "parser_impl.hpp"

namespace looplab::py {

std::unique_ptr<ast::Module> parse(std::string_view source, std::string_view filename,
                                   std::vector<SyntaxWarningInfo>* warnings) {
    std::string norm = Scanner::normalize_source(source, filename);
    detail::Parser p(norm, warnings);
    return p.parse_file();
}

std::string format_syntax_error(const SyntaxErrorInfo& info, std::string_view filename) {
    if (info.line <= 0) return info.kind + ": " + info.message + "\n";  // no location at all
    std::string out = "  File \"" + std::string(filename) + "\", line " + std::to_string(info.line) + "\n";
    if (!info.text.empty() || info.offset > 0) {
        // print_exception / print_error_text. The offsets index the UTF-8 text as bytes (for
        // tokenizer errors CPython's offsets count characters, and its caret is misplaced on
        // non-ASCII lines exactly as here).
        std::string text = info.text + "\n";  // the line as read from the file
        long line_size = long(text.size());
        long offset = info.offset;
        long end_offset = info.end_offset;
        // parse_syntax_error: SyntaxError subclasses (IndentationError, TabError) get no end.
        if (info.kind != "SyntaxError") end_offset = -1;
        else if (info.end_line > info.line) end_offset = line_size;
        if (end_offset > line_size + 1) end_offset = line_size + 1;
        // print_error_text
        long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
        offset--;
        size_t start = 0;
        while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\f')) {
            ++start;
            --offset;
        }
        std::string_view t = std::string_view(text).substr(start);
        long len = long(t.size());
        if (len > 0 && t[size_t(len - 1)] == '\n') --len;
        if (offset > len) offset = len;
        for (;;) {
            size_t nl = t.find('\n');
            if (nl == std::string_view::npos || long(nl) >= offset) break;
            long inl = long(nl) + 1;
            t.remove_prefix(size_t(inl));
            len -= inl;
            offset -= inl;
        }
        out += "    ";
        out += t;
        if (t.empty() || t.back() != '\n') out += "\n";
        if (offset >= 0) {
            out += "    ";
            out.append(size_t(offset), ' ');
            out.append(size_t(carets), '^');
            out += "\n";
        }
    }
    out += info.kind + ": " + info.message + "\n";
    return out;
}

}  // namespace looplab::py

namespace looplab::py::detail {

Parser::Parser(std::string_view source, std::vector<SyntaxWarningInfo>* warnings)
    : src_(source), sc_(source), warnings_(warnings) {
    stack_base_ = static_cast<const char*>(__builtin_frame_address(0));
}

void Parser::set_fstring_origin(int first_line, int first_col, int depth) {
    fstring_ = true;
    fs_line_ = first_line;
    fs_col_ = first_col;
    depth_ = depth;
}

const Token& Parser::tok(size_t i) {
    while (i >= toks_.size()) {
        if (!toks_.empty() && toks_.back().type == TokType::EndMarker) return toks_.back();
        try {
            toks_.push_back(sc_.next());
        } catch (ParseError& e) {
            tokenizer_failed_ = true;
            throw adjust(e);
        }
        if (warnings_ && sc_.warnings.size() > warnings_seen_) {
            for (; warnings_seen_ < sc_.warnings.size(); ++warnings_seen_)
                warnings_->push_back(sc_.warnings[warnings_seen_]);
        }
    }
    return toks_[i];
}

ParseError Parser::adjust(ParseError e) const {
    if (fstring_) {
        // The sub-tokenizer numbers lines from the expression's line in the file.
        e.info.line += fs_line_ - 1;
        if (e.info.end_line) e.info.end_line += fs_line_ - 1;
    }
    return e;
}

Pos Parser::pos_of(const Token& t) const {
    Pos p{t.line, t.col, t.end_line, t.end_col};
    if (fstring_) {
        // pegen.c initialize_token: lines are shifted; columns only on the sub-source's first line.
        if (t.end_line == 1) {
            p.col += fs_col_;
            p.end_col += fs_col_;
        }
        p.line += fs_line_ - 1;
        p.end_line += fs_line_ - 1;
    }
    return p;
}

Pos Parser::span(const Token& a, const Token& b) const {
    Pos pa = pos_of(a), pb = pos_of(b);
    return {pa.line, pa.col, pb.end_line, pb.end_col};
}

// _PyPegen_raise_error_known_location: columns become 1-based character offsets of the error
// line (the START line is used to convert the end column too, as CPython does).
void Parser::raise_range(const std::string& msg, const Pos& start, const Pos& end, const char* kind) {
    int line = start.line, end_line = end.end_line;
    if (fstring_) {
        // Back to sub-source lines: CPython shows the "(expr)" text.
        line -= fs_line_ - 1;
        end_line -= fs_line_ - 1;
    }
    SyntaxErrorInfo info;
    info.kind = kind;
    info.message = fstring_ ? "f-string: " + msg : msg;
    info.line = line;
    info.end_line = end_line;
    info.text = std::string(sc_.line_text(line));
    // 1-based byte columns (see Scanner::error_at); in an f-string sub-parser CPython subtracts
    // the expression's starting column on every line (pegen_errors.c, Py_fstring_input).
    info.offset = start.col + 1 - (fstring_ ? fs_col_ : 0);
    info.end_offset = end.end_col < 0 ? end.end_col : end.end_col + 1 - (fstring_ ? fs_col_ : 0);
    if (fstring_) {
        info.line += fs_line_ - 1;
        info.end_line += fs_line_ - 1;
    }
    throw ParseError(info);
}

void Parser::raise_from(const std::string& msg, const Pos& start) {
    // RAISE_SYNTAX_ERROR_STARTING_FROM(a): the end is CURRENT_POS, the tokenizer's position
    // (tok->cur - line_start, not +1): the end of the last token read.
    Pos e = pos_of(toks_.back());
    e.end_col -= 1;
    raise_range(msg, start, e);
}

void Parser::raise_last(const std::string& msg, const char* kind) {
    // _PyPegen_raise_error: the last token fetched; tokens without a position (INDENT, DEDENT)
    // use the tokenizer's current column.
    const Token& t = toks_.empty() ? tok(0) : toks_.back();
    Pos p = pos_of(t);
    if (t.type == TokType::Indent || t.type == TokType::Dedent || t.type == TokType::EndMarker) {
        // No position on the token: col_offset = tok->cur - line_start (0 at end of file).
        int line = t.line;
        SyntaxErrorInfo info;
        info.kind = kind;
        info.message = fstring_ ? "f-string: " + msg : msg;
        info.line = p.line;
        info.end_line = p.line;
        info.text = std::string(sc_.line_text(line));
        info.offset = t.type == TokType::EndMarker ? 0 : t.col;
        info.end_offset = -1;
        throw ParseError(info);
    }
    raise_range(msg, p, p, kind);
}

void Parser::invalid_syntax() {
    const Token& t = toks_.back();
    skip_tokenizer_check_ = t.type == TokType::Indent || t.type == TokType::Dedent;
    if (t.type == TokType::Indent) raise_last("unexpected indent", "IndentationError");
    if (t.type == TokType::Dedent) raise_last("unexpected unindent", "IndentationError");
    raise_at("invalid syntax", t);
}

void Parser::unsupported(const std::string& what, int line) {
    SyntaxErrorInfo info;
    info.message = "LoopLab does not support " + what + " (line " + std::to_string(line) + ")";
    info.line = line;
    info.end_line = line;
    info.text = std::string(sc_.line_text(line));
    info.offset = 1;
    while (info.offset <= int(info.text.size()) &&
           (info.text[size_t(info.offset - 1)] == ' ' || info.text[size_t(info.offset - 1)] == '\t'))
        ++info.offset;
    info.end_offset = int(info.text.size()) + 1;
    info.unsupported = true;
    throw ParseError(info);
}

void Parser::rethrow_with_tokenizer_check(ParseError& e) {
    // pegen_errors.c _PyPegen_tokenize_full_source_to_check_for_errors.
    if (skip_tokenizer_check_) throw e;
    int err_line = toks_.empty() ? 0 : toks_.back().line;
    try {
        for (;;) {
            Token t = sc_.next();
            if (t.type == TokType::EndMarker) break;
        }
    } catch (ParseError& te) {
        if (sc_.error_class == Scanner::ErrorClass::SyntaxError) throw adjust(te);
        if (sc_.error_class == Scanner::ErrorClass::EofInParens && err_line > te.info.line) throw adjust(te);
    }
    throw e;
}

Parser::Guard::Guard(Parser& parser) : p(parser) {
    ++p.depth_;
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    if (p.depth_ > kMaxDepth || size_t(p.stack_base_ - here) > kMaxStackBytes) {
        --p.depth_;  // the destructor will not run
        p.too_deep();
    }
}

void Parser::too_deep() {
    int line = pos_of(cur()).line;
    SyntaxErrorInfo info;
    info.message = "LoopLab does not support expressions nested more than " +
                   std::to_string(kMaxDepth) + " levels deep (line " + std::to_string(line) + ")";
    info.line = line;
    info.end_line = line;
    info.text = std::string(sc_.line_text(cur().line));
    info.offset = cur().col + 1;
    info.end_offset = info.offset;
    info.unsupported = true;
    throw ParseError(info);
}

std::unique_ptr<Module> Parser::parse_file() {
    auto m = std::make_unique<Module>();
    try {
        Guard g(*this);
        while (!at(TokType::EndMarker)) {
            statement(m->body);
            // Nothing looks back past a finished top-level statement but prev(): drop the
            // consumed tokens so a big file does not keep all of them.
            if (p_ > 4096) {
                toks_.erase(toks_.begin(), toks_.begin() + std::ptrdiff_t(p_ - 1));
                p_ = 1;
            }
        }
    } catch (ParseError& e) {
        if (!tokenizer_failed_ && !e.info.unsupported) rethrow_with_tokenizer_check(e);
        throw;
    }
    return m;
}

// fstring: star_expressions (the sub-source is "(" + text + ")").
ExprPtr Parser::parse_fstring_expr() {
    try {
        Guard g(*this);
        ExprPtr e = star_expressions();
        if (!at(TokType::Newline) && !at(TokType::EndMarker)) invalid_syntax();
        return e;
    } catch (ParseError& e) {
        if (!tokenizer_failed_ && !e.info.unsupported) rethrow_with_tokenizer_check(e);
        throw;
    }
}

}  // namespace looplab::py::detail

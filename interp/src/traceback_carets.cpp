// PEP 657 caret lines, as CPython 3.11's Lib/traceback.py draws them
// (StackSummary.format_frame_summary, _extract_caret_anchors_from_line_segment,
// _byte_offset_to_character_offset). Mirrored statement by statement, quirks included: the
// offsets are 1-based, `stripped_characters` counts the line's newline, and the anchor
// arithmetic mixes byte and character offsets as the Python code does.
#include "looplab/py/traceback_carets.hpp"

#include <memory>

#include "looplab/py/ast.hpp"
#include "looplab/py/parser.hpp"

namespace looplab::py {

namespace {

// Number of characters in the first `offset` bytes of UTF-8 text (bytes of a cut character
// decode as one replacement character, as errors="replace" does).
int chars_in(std::string_view s, int offset) {
    if (offset < 0) offset = 0;
    size_t end = std::min(size_t(offset), s.size());
    int n = 0;
    for (size_t i = 0; i < end; ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

// The bytes of characters [from, to) of UTF-8 text (str slicing, from and to >= 0).
std::string_view char_slice(std::string_view s, int from, int to) {
    size_t b = s.size(), e = s.size();
    int c = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (c == from) b = i;
        if (c == to) {
            e = i;
            break;
        }
        ++c;
    }
    return b < e ? s.substr(b, e - b) : std::string_view();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view strip(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

struct Anchors {
    int left_end, right_start;
};

// _extract_caret_anchors_from_line_segment: a segment that parses as one expression
// statement that is a BinOp (the operator gets ^) or a Subscript (the [index] gets ^).
bool extract_anchors(std::string_view segment, Anchors& out) {
    std::unique_ptr<ast::Module> tree;
    try {
        tree = parse(segment, "<segment>");
    } catch (...) {
        return false;  // ast.parse raised SyntaxError
    }
    if (!tree || tree->body.size() != 1 || tree->body[0]->kind != ast::StmtKind::ExprStmt) return false;
    const ast::Expr& e = *tree->body[0]->as<ast::ExprStmt>().value;
    auto normalize = [&](int offset) { return chars_in(segment, offset); };
    if (e.kind == ast::ExprKind::BinOp) {
        auto& b = e.as<ast::BinOp>();
        int operator_start = normalize(b.left->pos.end_col);
        int operator_end = normalize(b.right->pos.col);
        std::string_view operator_str = char_slice(segment, operator_start, operator_end);
        size_t lead = 0;
        while (lead < operator_str.size() && is_space(operator_str[lead])) ++lead;
        int operator_offset = int(lead);
        int left_anchor = b.left->pos.end_col + operator_offset;
        int right_anchor = left_anchor + 1;
        if (size_t(operator_offset + 1) < operator_str.size() && !is_space(operator_str[size_t(operator_offset + 1)]))
            ++right_anchor;
        out = {normalize(left_anchor), normalize(right_anchor)};
        return true;
    }
    if (e.kind == ast::ExprKind::Subscript) {
        auto& s = e.as<ast::Subscript>();
        out = {normalize(s.value->pos.end_col), normalize(s.slice->pos.end_col + 1)};
        return true;
    }
    return false;
}

}  // namespace

std::string caret_line(std::string_view line, int lineno, const ColumnSpan& span) {
    if (span.col < 0 || span.end_col < 0) return "";
    // linecache gives the line with its newline (universal newlines: no "\r").
    std::string original(line);
    if (!original.empty() && original.back() == '\r') original.pop_back();
    original += '\n';
    std::string_view stripped_line = strip(original);
    if (stripped_line.empty()) return "";
    const int stripped_len = chars_in(stripped_line, int(stripped_line.size()));
    const int stripped_characters = chars_in(original, int(original.size())) - stripped_len;
    int start_offset = chars_in(original, span.col) + 1;
    int end_offset = chars_in(original, span.end_col) + 1;
    Anchors anchors{};
    bool has_anchors = false;
    if (lineno == span.end_line)
        has_anchors = extract_anchors(char_slice(original, start_offset - 1, end_offset - 1), anchors);
    else
        end_offset = stripped_characters + stripped_len;
    // "show indicators if primary char doesn't span the frame line"
    if (!(end_offset - start_offset < stripped_len || (has_anchors && anchors.right_start - anchors.left_end > 0)))
        return "";
    std::string row = "    " + std::string(size_t(std::max(0, start_offset - stripped_characters)), ' ');
    auto repeat = [&](char c, int n) { row.append(size_t(std::max(0, n)), c); };
    if (has_anchors) {
        repeat('~', anchors.left_end);
        repeat('^', anchors.right_start - anchors.left_end);
        repeat('~', end_offset - start_offset - anchors.right_start);
    } else {
        repeat('^', end_offset - start_offset);
    }
    return row + "\n";
}

}  // namespace looplab::py

// The tokenizer (a port of CPython 3.11's Parser/tokenizer.c): token kinds, positions,
// INDENT/DEDENT/NEWLINE rules, literals and its error messages.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "looplab/py/scanner.hpp"

using namespace looplab::py;

namespace {
// "NAME:x OP:= NUMBER:1 NEWLINE ..." for the whole source.
std::string kinds(const std::string& raw) {
    static const char* names[] = {"ENDMARKER", "NAME", "NUMBER", "STRING", "OP", "NEWLINE", "INDENT", "DEDENT"};
    std::string src = Scanner::normalize_source(raw);
    Scanner sc(src);
    std::string out;
    for (;;) {
        Token t = sc.next();
        if (!out.empty()) out += ' ';
        out += names[int(t.type)];
        if (t.type == TokType::Name || t.type == TokType::Number || t.type == TokType::String ||
            t.type == TokType::Op)
            out += ":" + std::string(t.text);
        if (t.type == TokType::EndMarker) break;
    }
    return out;
}

std::vector<Token> tokens(const std::string& src) {
    Scanner sc(src);
    std::vector<Token> out;
    for (;;) {
        out.push_back(sc.next());
        if (out.back().type == TokType::EndMarker) return out;
    }
}

SyntaxErrorInfo scan_error(const std::string& raw) {
    std::string src = Scanner::normalize_source(raw);
    Scanner sc(src);
    try {
        while (sc.next().type != TokType::EndMarker) {
        }
    } catch (ParseError& e) {
        return e.info;
    }
    FAIL("no tokenizer error for: " << raw);
    return {};
}
}  // namespace

TEST_CASE("scanner produces CPython's token stream", "[scanner]") {
    SECTION("indentation becomes INDENT and DEDENT, blank and comment lines are skipped") {
        CHECK(kinds("if x:\n    y\n\n  # c\n    z\nw\n") ==
              "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT NAME:w NEWLINE ENDMARKER");
        CHECK(kinds("def f():\n  if a:\n    b\nc\n") ==
              "NAME:def NAME:f OP:( OP:) OP:: NEWLINE INDENT NAME:if NAME:a OP:: NEWLINE INDENT NAME:b "
              "NEWLINE DEDENT DEDENT NAME:c NEWLINE ENDMARKER");
    }
    SECTION("newlines inside brackets and after a backslash are not tokens") {
        CHECK(kinds("x = (1,\n  2)\ny = 1 + \\\n 2\n") ==
              "NAME:x OP:= OP:( NUMBER:1 OP:, NUMBER:2 OP:) NEWLINE NAME:y OP:= NUMBER:1 OP:+ NUMBER:2 "
              "NEWLINE ENDMARKER");
    }
    SECTION("a missing final newline is supplied and an empty file is just ENDMARKER") {
        CHECK(kinds("x") == "NAME:x NEWLINE ENDMARKER");
        CHECK(kinds("") == "ENDMARKER");
        CHECK(kinds("# only a comment") == "ENDMARKER");
    }
    SECTION("operators take the longest match") {
        CHECK(kinds("a **= b //= c >>= d ... e -> f := g != h\n") ==
              "NAME:a OP:**= NAME:b OP://= NAME:c OP:>>= NAME:d OP:... NAME:e OP:-> NAME:f OP::= NAME:g "
              "OP:!= NAME:h NEWLINE ENDMARKER");
        CHECK(kinds("x..y\n") == "NAME:x OP:. OP:. NAME:y NEWLINE ENDMARKER");
    }
    SECTION("numbers in every notation") {
        CHECK(kinds("1 1_000 0x_Ff 0o17 0b1 1.5 .5 5. 1e-3 1_0.0_1E+1_0 0 00 1j\n") ==
              "NUMBER:1 NUMBER:1_000 NUMBER:0x_Ff NUMBER:0o17 NUMBER:0b1 NUMBER:1.5 NUMBER:.5 NUMBER:5. "
              "NUMBER:1e-3 NUMBER:1_0.0_1E+1_0 NUMBER:0 NUMBER:00 NUMBER:1j NEWLINE ENDMARKER");
        CHECK(kinds("1if x else 2\n") == "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:2 NEWLINE ENDMARKER");
    }
    SECTION("string literals keep prefix and quotes, triple quotes span lines") {
        CHECK(kinds("rb'a' F\"b\" u'c' Rf'{d}' '''e\nf''' 'g\\'h'\n") ==
              "STRING:rb'a' STRING:F\"b\" STRING:u'c' STRING:Rf'{d}' STRING:'''e\nf''' STRING:'g\\'h' "
              "NEWLINE ENDMARKER");
        CHECK(kinds("bu'x'\n") == "NAME:bu STRING:'x' NEWLINE ENDMARKER");
    }
    SECTION("identifiers may use any script") {
        CHECK(kinds("привіт = 名字\n") == "NAME:привіт OP:= NAME:名字 NEWLINE ENDMARKER");
    }
    SECTION("CRLF and CR line ends and a byte order mark are normalized") {
        CHECK(Scanner::normalize_source("\xef\xbb\xbf" "a\r\nb\rc") == "a\nb\nc\n");
    }
}

TEST_CASE("scanner positions", "[scanner]") {
    SECTION("tokens carry 1-based lines and 0-based byte columns") {
        auto t = tokens("x = 'ї'\n  # c\ny\n");
        REQUIRE(t.size() >= 6);
        CHECK((t[2].line == 1 && t[2].col == 4 && t[2].end_col == 8));  // 'ї' is 2 bytes
        CHECK((t[3].type == TokType::Newline && t[3].col == 8 && t[3].end_col == 8));
        CHECK((t[4].line == 3 && t[4].col == 0));
    }
    SECTION("a triple-quoted string starts on its first line and ends on its last") {
        auto t = tokens("s = '''a\nbc''' + 1\n");
        CHECK((t[2].line == 1 && t[2].col == 4 && t[2].end_line == 2 && t[2].end_col == 5));
        CHECK((t[3].line == 2 && t[3].col == 6));
    }
    SECTION("tokens remember the bracket depth after them") {
        auto t = tokens("f((a), [b])\n");
        CHECK(t[1].level == 1);
        CHECK(t[2].level == 2);
        CHECK(t[4].level == 1);
        CHECK(t[9].level == 0);
    }
}

TEST_CASE("scanner errors are CPython's", "[scanner]") {
    SECTION("unterminated strings report where they start and where they were detected") {
        SyntaxErrorInfo e = scan_error("x = 1\ny = 'abc\n");
        CHECK(e.message == "unterminated string literal (detected at line 2)");
        CHECK((e.line == 2 && e.offset == 5));
        e = scan_error("x = '''abc\n\n\n");
        CHECK(e.message == "unterminated triple-quoted string literal (detected at line 3)");
        CHECK((e.line == 1 && e.offset == 5));
    }
    SECTION("brackets must match") {
        CHECK(scan_error("x = )\n").message == "unmatched ')'");
        CHECK(scan_error("x = (1]\n").message == "closing parenthesis ']' does not match opening parenthesis '('");
        CHECK(scan_error("x = (\n1]\n").message ==
              "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
        SyntaxErrorInfo e = scan_error("x = [1,\n");
        CHECK(e.message == "'[' was never closed");
        CHECK((e.line == 1 && e.offset == 5 && e.end_offset == 0));
    }
    SECTION("indentation errors have their own classes") {
        SyntaxErrorInfo e = scan_error("if x:\n    a\n  b\n");
        CHECK(e.kind == "IndentationError");
        CHECK(e.message == "unindent does not match any outer indentation level");
        CHECK((e.line == 3 && e.offset == 4));
        e = scan_error("if x:\n\tpass\n        pass\n");
        CHECK(e.kind == "TabError");
        CHECK(e.message == "inconsistent use of tabs and spaces in indentation");
        CHECK((e.line == 3 && e.offset == 1));
    }
    SECTION("bad numbers name the literal kind") {
        CHECK(scan_error("x = 1_a\n").message == "invalid decimal literal");
        CHECK(scan_error("x = 0o8\n").message == "invalid digit '8' in octal literal");
        CHECK(scan_error("x = 0b12\n").message == "invalid digit '2' in binary literal");
        CHECK(scan_error("x = 0xz\n").message == "invalid hexadecimal literal");
        CHECK(scan_error("x = 012\n").message ==
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        CHECK(scan_error("x = 1jx\n").message == "invalid imaginary literal");
    }
    SECTION("characters that cannot appear in code") {
        SyntaxErrorInfo e = scan_error("x = a … b\n");
        CHECK(e.message == "invalid character '…' (U+2026)");
        CHECK(e.offset == 7);  // tokenizer errors count characters, as CPython's do
        CHECK(scan_error("x\xc2\xa0= 1\n").message == "invalid non-printable character U+00A0");
        CHECK(scan_error("x = 1 \\ 2\n").message == "unexpected character after line continuation character");
        CHECK(scan_error("x = \\").message == "unexpected EOF while parsing");
    }
    SECTION("NUL bytes are rejected") {
        CHECK_THROWS_AS(Scanner::normalize_source(std::string("x = 1\0\n", 7)), ParseError);
    }
    SECTION("after an error every further call repeats it") {
        std::string src = Scanner::normalize_source("x = 'a\ny = 2\n");
        Scanner sc(src);
        sc.next();
        sc.next();
        CHECK_THROWS_WITH(sc.next(), "unterminated string literal (detected at line 1)");
        CHECK_THROWS_WITH(sc.next(), "unterminated string literal (detected at line 1)");
    }
}

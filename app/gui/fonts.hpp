#pragma once
// Fonts loaded at run time from Debian's font packages, with a fallback to ImGui's built-in
// font when none is found. Text: DejaVu Sans (Latin, Greek, Cyrillic: the tutorials' Ukrainian
// prints). Code: DejaVu Sans Mono. Chinese: Noto Sans CJK SC merged into both — but only the
// glyphs that the loaded texts actually use, so the atlas stays a few hundred KB instead of
// tens of MB: each text the GUI shows passes through `need_glyphs`, and the atlas is rebuilt
// between frames when a new character appears.
#include <set>
#include <string>
#include <string_view>

#include <imgui.h>

namespace looplab::gui {

class Fonts {
public:
    // Builds the atlas at `size` logical pixels times `scale` (the monitor's content scale).
    void build(float size, float scale);
    // Notes the characters of `text` that the atlas lacks; cheap for ASCII.
    void need_glyphs(std::string_view text);
    // Rebuilds the atlas if characters were added since the last build; true if it did (the
    // caller re-uploads the texture). Never call between NewFrame and Render.
    bool rebuild_if_needed();

    ImFont* ui() const { return ui_; }
    ImFont* mono() const { return mono_; }
    ImFont* heading() const { return heading_; }
    // Which files were used, for `looplab --version`-style diagnostics and tests.
    const std::string& ui_file() const { return ui_file_; }
    const std::string& cjk_file() const { return cjk_file_; }
    size_t extra_glyphs() const { return extra_.size(); }

private:
    float size_ = 16, scale_ = 1;
    bool dirty_ = false;
    std::set<ImWchar> extra_;  // characters beyond the base ranges, CJK mostly
    ImFont* ui_ = nullptr;
    ImFont* mono_ = nullptr;
    ImFont* heading_ = nullptr;
    std::string ui_file_, cjk_file_;
};

// Decodes UTF-8 (invalid bytes become U+FFFD); used by need_glyphs and the code view.
unsigned decode_utf8(std::string_view s, size_t& i);

}  // namespace looplab::gui

#include "gui/fonts.hpp"

#include <cstdlib>
#include <fstream>
#include <vector>

namespace looplab::gui {

namespace {

const char* const kUiFonts[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};
const char* const kBoldFonts[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
};
const char* const kMonoFonts[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/TTF/DejaVuSansMono.ttf",
    "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
};
// .ttc collections: index 2 of Noto Sans CJK is the Simplified Chinese face.
struct Cjk {
    const char* path;
    int index;
};
const Cjk kCjkFonts[] = {
    {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
    {"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2},
    {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
};

// Latin, Latin-1, Latin Extended-A, Greek, Cyrillic, punctuation, arrows, box drawing and
// geometric shapes (the transport's ▶ ◀ ■ and the code view's markers).
const ImWchar kBaseRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x2000, 0x206F, 0x20A0, 0x20CF,
    0x2100, 0x214F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2500, 0x25FF, 0x2700, 0x27BF, 0,
};

bool in_base(unsigned c) {
    for (int i = 0; kBaseRanges[i]; i += 2)
        if (c >= kBaseRanges[i] && c <= kBaseRanges[i + 1]) return true;
    return false;
}

bool readable(const char* path) { return std::ifstream(path).good(); }

template <size_t N>
const char* first_readable(const char* const (&paths)[N]) {
    for (const char* p : paths)
        if (readable(p)) return p;
    return nullptr;
}

}  // namespace

unsigned decode_utf8(std::string_view s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    unsigned cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

void Fonts::need_glyphs(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        unsigned c = decode_utf8(text, i);
        // ImWchar is 16 bits in Debian's build: characters beyond the BMP cannot be shown.
        if (c > 0xFFFF || in_base(c)) continue;
        if (extra_.insert(static_cast<ImWchar>(c)).second) dirty_ = true;
    }
}

bool Fonts::rebuild_if_needed() {
    if (!dirty_) return false;
    build(size_, scale_);
    return true;
}

void Fonts::build(float size, float scale) {
    size_ = size;
    scale_ = scale;
    dirty_ = false;
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    const float px = size * scale;

    // The ranges must outlive the atlas build: keep them in static storage.
    static ImVector<ImWchar> extra_ranges;
    extra_ranges.clear();
    for (ImWchar c : extra_) {
        extra_ranges.push_back(c);
        extra_ranges.push_back(c);
    }
    extra_ranges.push_back(0);

    const char* ui = first_readable(kUiFonts);
    const char* bold = first_readable(kBoldFonts);
    const char* mono = first_readable(kMonoFonts);
    const Cjk* cjk = nullptr;
    for (const Cjk& c : kCjkFonts)
        if (readable(c.path)) {
            cjk = &c;
            break;
        }
    ui_file_ = ui ? ui : "";
    cjk_file_ = cjk ? cjk->path : "";

    // A font plus, merged in, the CJK face for the extra characters (and the UI font for any
    // symbol the mono font lacks).
    auto add = [&](const char* path, float pixels) -> ImFont* {
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        ImFont* f = path ? atlas->AddFontFromFileTTF(path, pixels, &cfg, kBaseRanges) : nullptr;
        if (!f) {
            ImFontConfig def;
            def.SizePixels = pixels;
            f = atlas->AddFontDefault(&def);
        }
        if (cjk && !extra_.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.FontNo = cjk->index;
            merge.OversampleH = 1;
            merge.OversampleV = 1;
            // Noto CJK's ideographs are drawn small within their em box: a little larger
            // they match the Latin text's visual size.
            merge.GlyphOffset.y = pixels * 0.06f;
            atlas->AddFontFromFileTTF(cjk->path, pixels * 1.15f, &merge, extra_ranges.Data);
        }
        return f;
    };
    ui_ = add(ui, px);
    mono_ = add(mono, px);
    heading_ = add(bold ? bold : ui, px * 1.25f);
    atlas->Build();
}

}  // namespace looplab::gui

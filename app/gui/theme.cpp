#include "gui/theme.hpp"

#include <cmath>

namespace looplab::gui {

namespace {

Theme current;

// Okabe & Ito (2008) without black, then Paul Tol's "muted" colours for tasks 8..11. Two rows:
// the light theme uses slightly darker tones so yellow and sky blue read on white.
constexpr uint32_t kDarkPalette[kPaletteSize] = {
    0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x999999,
    0x88CCEE, 0x44AA99, 0xDDCC77, 0xAA4499,
};
constexpr uint32_t kLightPalette[kPaletteSize] = {
    0xD18F00, 0x3A9AD9, 0x009E73, 0xB8A800, 0x0072B2, 0xD55E00, 0xC05A99, 0x777777,
    0x4FA3C8, 0x2F8F80, 0xB39B38, 0x9A3A8A,
};

ImU32 rgb(uint32_t hex, float a = 1.0f) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, int(a * 255.0f + 0.5f));
}

ImVec4 vec(uint32_t hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}

void style_common(ImGuiStyle& s) {
    s.WindowRounding = 4;
    s.ChildRounding = 4;
    s.FrameRounding = 4;
    s.PopupRounding = 4;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.ScrollbarRounding = 6;
    s.WindowPadding = ImVec2(10, 8);
    s.FramePadding = ImVec2(8, 4);
    s.ItemSpacing = ImVec2(8, 6);
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 0;
    s.WindowTitleAlign = ImVec2(0.0f, 0.5f);
}

void dark(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(0xE6E8EB);
    c[ImGuiCol_TextDisabled] = vec(0x8A9099);
    c[ImGuiCol_WindowBg] = vec(0x1E2127);
    c[ImGuiCol_ChildBg] = vec(0x1E2127);
    c[ImGuiCol_PopupBg] = vec(0x272B33, 0.98f);
    c[ImGuiCol_Border] = vec(0x3A3F4B);
    c[ImGuiCol_FrameBg] = vec(0x2C313A);
    c[ImGuiCol_FrameBgHovered] = vec(0x353B46);
    c[ImGuiCol_FrameBgActive] = vec(0x3E4451);
    c[ImGuiCol_TitleBg] = vec(0x16181D);
    c[ImGuiCol_TitleBgActive] = vec(0x16181D);
    c[ImGuiCol_TitleBgCollapsed] = vec(0x16181D);
    c[ImGuiCol_MenuBarBg] = vec(0x16181D);
    c[ImGuiCol_Header] = vec(0x2F4A6B);
    c[ImGuiCol_HeaderHovered] = vec(0x37587F);
    c[ImGuiCol_HeaderActive] = vec(0x3F6694);
    c[ImGuiCol_Button] = vec(0x2F3642);
    c[ImGuiCol_ButtonHovered] = vec(0x3B4454);
    c[ImGuiCol_ButtonActive] = vec(0x48536A);
    c[ImGuiCol_SliderGrab] = vec(0x56B4E9);
    c[ImGuiCol_SliderGrabActive] = vec(0x7CC6EF);
    c[ImGuiCol_CheckMark] = vec(0x56B4E9);
    c[ImGuiCol_Tab] = vec(0x23272E);
    c[ImGuiCol_TabHovered] = vec(0x37587F);
    c[ImGuiCol_TabActive] = vec(0x2F4A6B);
    c[ImGuiCol_TabUnfocusedActive] = vec(0x2A3A50);
    c[ImGuiCol_Separator] = vec(0x3A3F4B);
    c[ImGuiCol_TableHeaderBg] = vec(0x272B33);
    c[ImGuiCol_TableRowBgAlt] = vec(0xFFFFFF, 0.03f);
    current = Theme{ThemeKind::dark,
                    rgb(0x16181D),
                    rgb(0xE6E8EB),
                    rgb(0x8A9099),
                    rgb(0x22262D),
                    rgb(0x262A32),
                    rgb(0x3A3F4B),
                    rgb(0xFFFFFF, 0.85f),
                    rgb(0xFFFFFF),
                    rgb(0x56B4E9, 0.18f),
                    rgb(0x1A1D22),
                    rgb(0xFF6B5B),
                    rgb(0xF0C04A),
                    rgb(0xC8CCD4, 0.55f),
                    rgb(0x3A3F4B)};
}

void light(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(0x1F2328);
    c[ImGuiCol_TextDisabled] = vec(0x6E7781);
    c[ImGuiCol_WindowBg] = vec(0xFAFAFB);
    c[ImGuiCol_ChildBg] = vec(0xFAFAFB);
    c[ImGuiCol_PopupBg] = vec(0xFFFFFF, 0.98f);
    c[ImGuiCol_Border] = vec(0xD0D7DE);
    c[ImGuiCol_FrameBg] = vec(0xEAEEF2);
    c[ImGuiCol_FrameBgHovered] = vec(0xDDE3E9);
    c[ImGuiCol_FrameBgActive] = vec(0xCED6DF);
    c[ImGuiCol_TitleBg] = vec(0xE8EBEF);
    c[ImGuiCol_TitleBgActive] = vec(0xE8EBEF);
    c[ImGuiCol_MenuBarBg] = vec(0xE8EBEF);
    c[ImGuiCol_Header] = vec(0xCFE3F7);
    c[ImGuiCol_HeaderHovered] = vec(0xB9D6F3);
    c[ImGuiCol_HeaderActive] = vec(0xA3C9EF);
    c[ImGuiCol_Button] = vec(0xE1E6EB);
    c[ImGuiCol_ButtonHovered] = vec(0xCFD7DF);
    c[ImGuiCol_ButtonActive] = vec(0xBCC7D2);
    c[ImGuiCol_SliderGrab] = vec(0x0072B2);
    c[ImGuiCol_SliderGrabActive] = vec(0x005A8C);
    c[ImGuiCol_CheckMark] = vec(0x0072B2);
    c[ImGuiCol_Tab] = vec(0xE1E6EB);
    c[ImGuiCol_TabHovered] = vec(0xB9D6F3);
    c[ImGuiCol_TabActive] = vec(0xCFE3F7);
    c[ImGuiCol_TabUnfocusedActive] = vec(0xDCE7F3);
    c[ImGuiCol_TableRowBgAlt] = vec(0x000000, 0.03f);
    current = Theme{ThemeKind::light,
                    rgb(0xE8EBEF),
                    rgb(0x1F2328),
                    rgb(0x6E7781),
                    rgb(0xF3F5F7),
                    rgb(0xECEFF2),
                    rgb(0xD0D7DE),
                    rgb(0x000000, 0.85f),
                    rgb(0x000000),
                    rgb(0x0072B2, 0.13f),
                    rgb(0xFFFFFF),
                    rgb(0xC62828),
                    rgb(0x9A6700),
                    rgb(0x57606A, 0.6f),
                    rgb(0xD0D7DE)};
}

}  // namespace

void apply_theme(ThemeKind kind, float scale) {
    ImGuiStyle s;
    style_common(s);
    if (kind == ThemeKind::dark)
        dark(s);
    else
        light(s);
    s.ScaleAllSizes(scale);
    ImGui::GetStyle() = s;
}

const Theme& theme() { return current; }

ImU32 task_color(uint32_t i, float alpha) {
    const uint32_t* p = current.kind == ThemeKind::dark ? kDarkPalette : kLightPalette;
    return rgb(p[i % kPaletteSize], alpha);
}

ImU32 text_on(ImU32 bg) {
    float r = float((bg >> IM_COL32_R_SHIFT) & 0xFF), g = float((bg >> IM_COL32_G_SHIFT) & 0xFF),
          b = float((bg >> IM_COL32_B_SHIFT) & 0xFF);
    // Perceived luminance (ITU-R BT.601).
    return 0.299f * r + 0.587f * g + 0.114f * b > 150.0f ? IM_COL32(20, 20, 20, 255) : IM_COL32(250, 250, 250, 255);
}

}  // namespace looplab::gui

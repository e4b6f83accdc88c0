// Software-renderer draw path (see software_draw.hpp).
#include "kiosk/platform/software_draw.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace okienko::kiosk::platform
{
namespace
{

/// The six indices ImDrawList::PrimRect writes (a b c, a c d) over corners a (top left),
/// b (top right), c (bottom right), d (bottom left), in one colour with the white-pixel UV.
bool opaqueSolidRect(const ImDrawVert* vtx, const ImDrawIdx* idx, SDL_FRect& rect, ImU32& color)
{
    const unsigned a = idx[0];
    const auto at = [idx](int k)
    {
        return static_cast<unsigned>(idx[k]);
    };
    if (at(1) != a + 1 || at(2) != a + 2 || at(3) != a || at(4) != a + 2 || at(5) != a + 3)
        return false;
    const ImDrawVert& va = vtx[a];
    const ImDrawVert& vb = vtx[a + 1];
    const ImDrawVert& vc = vtx[a + 2];
    const ImDrawVert& vd = vtx[a + 3];
    if ((va.col & IM_COL32_A_MASK) != IM_COL32_A_MASK || vb.col != va.col || vc.col != va.col || vd.col != va.col)
        return false;
    if (vb.uv.x != va.uv.x || vc.uv.x != va.uv.x || vd.uv.x != va.uv.x || vb.uv.y != va.uv.y || vc.uv.y != va.uv.y ||
        vd.uv.y != va.uv.y)
        return false; // textured (a glyph): SDL draws those as a blit already
    if (vb.pos.y != va.pos.y || vc.pos.x != vb.pos.x || vd.pos.x != va.pos.x || vd.pos.y != vc.pos.y ||
        vc.pos.x <= va.pos.x || vc.pos.y <= va.pos.y)
        return false;
    rect = SDL_FRect{va.pos.x, va.pos.y, vc.pos.x - va.pos.x, vc.pos.y - va.pos.y};
    color = va.col;
    return true;
}

} // namespace

void renderDrawDataSoftware(SDL_Renderer* renderer, const ImDrawData& drawData)
{
    float rsx = 1.0f;
    float rsy = 1.0f;
    SDL_RenderGetScale(renderer, &rsx, &rsy);
    // As in ImGui's backend: if SDL already scales, do not scale the clip rectangles again.
    const ImVec2 scale(rsx == 1.0f ? drawData.FramebufferScale.x : 1.0f,
                       rsy == 1.0f ? drawData.FramebufferScale.y : 1.0f);
    const float fbW = drawData.DisplaySize.x * scale.x;
    const float fbH = drawData.DisplaySize.y * scale.y;
    if (fbW < 1.0f || fbH < 1.0f)
        return;
    SDL_Rect oldViewport;
    SDL_Rect oldClip;
    const bool oldClipEnabled = SDL_RenderIsClipEnabled(renderer) == SDL_TRUE;
    SDL_RenderGetViewport(renderer, &oldViewport);
    SDL_RenderGetClipRect(renderer, &oldClip);
    SDL_RenderSetViewport(renderer, nullptr);

    static std::vector<int> pending; // reused: no allocation per frame once warmed up
    const ImVec2 off = drawData.DisplayPos;
    for (int n = 0; n < drawData.CmdListsCount; ++n)
    {
        const ImDrawList* list = drawData.CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer)
        {
            if (cmd.UserCallback != nullptr)
            {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                    cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = std::max((cmd.ClipRect.x - off.x) * scale.x, 0.0f);
            const float y0 = std::max((cmd.ClipRect.y - off.y) * scale.y, 0.0f);
            const float x1 = std::min((cmd.ClipRect.z - off.x) * scale.x, fbW);
            const float y1 = std::min((cmd.ClipRect.w - off.y) * scale.y, fbH);
            if (x1 <= x0 || y1 <= y0)
                continue;
            const SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0),
                                static_cast<int>(y1 - y0)};
            SDL_RenderSetClipRect(renderer, &clip);

            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const int vtxCount = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
            auto* texture = static_cast<SDL_Texture*>(cmd.GetTexID());
            const auto flush = [&]
            {
                if (pending.empty())
                    return;
                const auto* base = reinterpret_cast<const char*>(vtx);
                SDL_RenderGeometryRaw(renderer, texture,
                                      reinterpret_cast<const float*>(base + offsetof(ImDrawVert, pos)),
                                      static_cast<int>(sizeof(ImDrawVert)),
                                      reinterpret_cast<const SDL_Color*>(base + offsetof(ImDrawVert, col)),
                                      static_cast<int>(sizeof(ImDrawVert)),
                                      reinterpret_cast<const float*>(base + offsetof(ImDrawVert, uv)),
                                      static_cast<int>(sizeof(ImDrawVert)), vtxCount, pending.data(),
                                      static_cast<int>(pending.size()), static_cast<int>(sizeof(int)));
                pending.clear();
            };
            const unsigned count = cmd.ElemCount;
            unsigned i = 0;
            while (i + 3 <= count)
            {
                SDL_FRect rect;
                ImU32 col = 0;
                if (i + 6 <= count && opaqueSolidRect(vtx, idx + i, rect, col))
                {
                    flush();
                    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
                    SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(col >> IM_COL32_R_SHIFT),
                                           static_cast<Uint8>(col >> IM_COL32_G_SHIFT),
                                           static_cast<Uint8>(col >> IM_COL32_B_SHIFT), 255);
                    SDL_RenderFillRectF(renderer, &rect);
                    i += 6;
                    continue;
                }
                pending.push_back(idx[i]);
                pending.push_back(idx[i + 1]);
                pending.push_back(idx[i + 2]);
                i += 3;
            }
            flush();
        }
    }
    SDL_RenderSetViewport(renderer, &oldViewport);
    SDL_RenderSetClipRect(renderer, oldClipEnabled ? &oldClip : nullptr);
}

} // namespace okienko::kiosk::platform

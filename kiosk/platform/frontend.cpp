// One frame from SDL input to present (see frontend.hpp).
#include "kiosk/platform/frontend.hpp"

#include "kiosk/core/startup_trace.hpp"
#include "kiosk/platform/software_draw.hpp"
#include "kiosk/ui/fonts.hpp"

#include <cstdio>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <malloc.h>

namespace okienko::kiosk::platform
{

Frontend::Frontend(SdlWindow& window, KioskApp& app, bool fixedStep)
    : m_window(window), m_app(app), m_speechKey(platform::speechKey(app.config().speech.toggleKey)),
      m_fixedStep(fixedStep)
{
    // While the kiosk speaks, a finger explores before it presses (ui/explore_by_touch.hpp).
    m_touch.setInterceptor([this](const ui::PointerEvent& e, std::vector<ui::PointerEvent>& deliver)
                           { return m_app.explorePointer(e, deliver); });
}

Frontend::~Frontend()
{
    if (m_rendererBackend)
        ImGui_ImplSDLRenderer_Shutdown();
    if (m_sdlBackend)
        ImGui_ImplSDL2_Shutdown();
    if (m_imguiStarted)
        ImGui::DestroyContext();
}

bool Frontend::init(ui::FontBundle fonts, std::string& error)
{
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(fonts.atlas.get());
    m_imguiStarted = true;
    int w = 0;
    int h = 0;
    m_window.size(w, h);
    m_touch.setWindowSize(w, h);
    m_app.setupImGui(w, std::move(fonts));
    m_laidOutWidth = w;
    m_sdlBackend = ImGui_ImplSDL2_InitForSDLRenderer(m_window.window());
    m_rendererBackend = ImGui_ImplSDLRenderer_Init(m_window.renderer());
    SDL_RendererInfo info;
    m_softwareDraw = SDL_GetRendererInfo(m_window.renderer(), &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    if (!m_sdlBackend || !m_rendererBackend)
    {
        error = "ImGui SDL backend initialisation failed";
        return false;
    }
    // The renderer keeps its own copy of the glyph atlas; ImGui's two CPU-side copies would
    // cost as much again (see ui::releaseAtlasPixels).
    if (ImGui_ImplSDLRenderer_CreateFontsTexture())
        ui::releaseAtlasPixels(*ImGui::GetIO().Fonts);
    startupMark("atlas-texture");
    return true;
}

void Frontend::swapFonts()
{
    // Between frames: ImGui takes its current font from the atlas again at NewFrame.
    ui::FontBundle next = m_app.buildFonts();
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui::GetIO().Fonts = next.atlas.get();
    m_app.adoptFonts(std::move(next));
    if (ImGui_ImplSDLRenderer_CreateFontsTexture())
        ui::releaseAtlasPixels(*ImGui::GetIO().Fonts);
    returnFreeMemory();
}

void Frontend::returnFreeMemory()
{
    malloc_trim(0);
}

void Frontend::refitRenderer()
{
    if (!m_window.needsRefit())
        return;
    // ImGui's renderer backend lets go of its texture before the renderer that owns it goes.
    if (m_rendererBackend)
        ImGui_ImplSDLRenderer_Shutdown();
    m_rendererBackend = false;
    std::string error;
    if (!m_window.refit(error))
    {
        std::fprintf(stderr, "[kiosk] no frame for the new window size: %s\n", error.c_str());
        return;
    }
    m_rendererBackend = ImGui_ImplSDLRenderer_Init(m_window.renderer());
    // The glyph atlas's pixels were let go once the old renderer had them: made again.
    ui::FontBundle next = m_app.buildFonts();
    ImGui::GetIO().Fonts = next.atlas.get();
    m_app.adoptFonts(std::move(next));
    if (m_rendererBackend && ImGui_ImplSDLRenderer_CreateFontsTexture())
        ui::releaseAtlasPixels(*ImGui::GetIO().Fonts);
}

void Frontend::resized(int w, int h)
{
    m_touch.setWindowSize(w, h);
    if (w == m_laidOutWidth || w <= 0)
        return;
    // The compositor decides the size (cage gives the output's, whatever was configured): touch
    // targets keep their millimetres on the width the kiosk really has.
    m_laidOutWidth = w;
    ui::UiContext& ui = m_app.ui();
    ui.pxPerMm = static_cast<float>(m_app.config().display.pixelsPerMm(w));
    ImGui::GetIO().MouseDragThreshold = 3.0f * ui.pxPerMm;
}

bool Frontend::handleEvent(const SDL_Event& event)
{
    if (event.type == SDL_QUIT)
        return false;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
    {
        refitRenderer();
        resized(event.window.data1, event.window.data2);
    }
    if (m_touch.handleEvent(event))
    {
        m_app.userActivity();
        return true;
    }
    // The speech key of a USB keypad: a resident who cannot see turns the voice on without the screen.
    if (event.type == SDL_KEYDOWN && event.key.repeat == 0 && event.key.keysym.sym == m_speechKey.key)
    {
        Intents toggle{ToggleSpeech{}};
        m_app.applyInput(toggle);
        m_app.userActivity();
        return true;
    }
    // Typing and scans edit the app's own text fields (there is no ImGui InputText to feed).
    Intents keys;
    if (m_keyboard.handleEvent(event, m_app.clock().now(), keys))
    {
        m_app.applyInput(keys);
        m_app.userActivity();
        return true;
    }
    // Other keys and window focus go to ImGui's backend (a maintenance USB keyboard).
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_KEYDOWN || event.type == SDL_TEXTINPUT)
        m_app.userActivity();
    return true;
}

void Frontend::renderFrame(bool presentNow)
{
    Intents released; // a person's keystrokes held back while they might have been a scan
    m_keyboard.poll(m_app.clock().now(), released);
    m_app.applyInput(released);
    if (m_app.fontsNeedRebuild())
        swapFonts();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // 1.86's backend takes the framebuffer scale from the GL drawable; SDL_Renderer knows better.
    int ww = 0;
    int wh = 0;
    int ow = 0;
    int oh = 0;
    m_window.size(ww, wh);
    m_window.outputSize(ow, oh);
    if (ww > 0 && wh > 0)
        io.DisplayFramebufferScale =
            ImVec2(static_cast<float>(ow) / static_cast<float>(ww), static_cast<float>(oh) / static_cast<float>(wh));
    if (m_fixedStep)
        io.DeltaTime = 1.0f / 60.0f;
    m_touch.applyTo(io);

    ImGui::NewFrame();
    m_app.drawFrame();
    const bool onStartScreen = m_app.state().router.current() == ScreenId::Attract;
    if (onStartScreen && !m_onStartScreen)
        returnFreeMemory();
    m_onStartScreen = onStartScreen;
    ImGui::Render();
    if (!m_pixels)
        return;

    m_window.beginFrame();
    SDL_Renderer* r = m_window.renderer();
    SDL_RenderSetScale(r, io.DisplayFramebufferScale.x, io.DisplayFramebufferScale.y);
    const ImVec4 bg = m_app.ui().palette.background;
    SDL_SetRenderDrawColor(r, static_cast<Uint8>(bg.x * 255.0f), static_cast<Uint8>(bg.y * 255.0f),
                           static_cast<Uint8>(bg.z * 255.0f), 255);
    SDL_RenderClear(r);
    if (m_softwareDraw)
        renderDrawDataSoftware(r, *ImGui::GetDrawData());
    else
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (presentNow)
        present();
}

void Frontend::present()
{
    m_window.present();
}

bool Frontend::wantsFrames() const
{
    return m_touch.busy() || m_app.ui().animating || m_touch.isDown() || m_keyboard.holding();
}

} // namespace okienko::kiosk::platform

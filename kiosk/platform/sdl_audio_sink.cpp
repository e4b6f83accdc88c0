// SdlAudioSink: a 512-sample device buffer (23 ms at 22050 Hz) keeps the time from the first
// queued sample to the loudspeaker short; the queue itself is unbounded, SDL's own.
#include "kiosk/platform/sdl_audio_sink.hpp"

#include <string>
#include <thread>

namespace okienko::kiosk::platform
{

SdlAudioSink::SdlAudioSink() : m_subsystem(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {}

SdlAudioSink::~SdlAudioSink()
{
    if (m_device != 0)
        SDL_CloseAudioDevice(m_device);
    if (m_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Status<speech::SpeechError> SdlAudioSink::open(int sampleRate)
{
    using speech::SpeechError;
    using speech::SpeechProblem;
    if (m_device != 0)
        return {};
    if (!m_subsystem && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return makeErr(SpeechError{SpeechProblem::NoAudioDevice, std::string("SDL audio: ") + SDL_GetError()});
    m_subsystem = true;
    SDL_AudioSpec want;
    SDL_zero(want);
    want.freq = sampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 512;
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (m_device == 0)
        return makeErr(SpeechError{SpeechProblem::NoAudioDevice, std::string("SDL audio: ") + SDL_GetError()});
    m_sampleRate = sampleRate;
    SDL_PauseAudioDevice(m_device, 0);
    return {};
}

void SdlAudioSink::write(const std::int16_t* samples, std::size_t count)
{
    if (m_device != 0 && count > 0)
        (void)SDL_QueueAudio(m_device, samples, static_cast<Uint32>(count * sizeof(std::int16_t)));
}

void SdlAudioSink::flush()
{
    if (m_device != 0)
        SDL_ClearQueuedAudio(m_device);
}

bool SdlAudioSink::drain(std::chrono::milliseconds limit)
{
    if (m_device == 0)
        return true;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (SDL_GetQueuedAudioSize(m_device) > 0)
    {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // The device's own buffer still plays after the queue is empty.
    std::this_thread::sleep_for(std::chrono::milliseconds(512 * 1000 / std::max(m_sampleRate, 1) + 10));
    return true;
}

} // namespace okienko::kiosk::platform

#include "kiosk/receipt/print_service.hpp"

#include "kiosk/receipt/escpos_encoder.hpp"
#include "kiosk/receipt/pdf_renderer.hpp"

namespace okienko::receipt
{

RenderedSlip renderSlip(const Slip& slip, const FontSet& fonts, kiosk::PrintFormat format)
{
    RenderedSlip out;
    out.title = slip.jobTitle;
    auto raster = [&](const LayoutSpec& spec)
    {
        auto bytes = renderEscPos(slip, fonts, spec);
        if (bytes)
            out.bytes = std::move(bytes).value();
        else
            out.error = bytes.error();
    };
    switch (format)
    {
    case kiosk::PrintFormat::EscPos80:
        raster(LayoutSpec::escpos80());
        break;
    case kiosk::PrintFormat::EscPos58:
        raster(LayoutSpec::escpos58());
        break;
    case kiosk::PrintFormat::PdfA4:
        out.bytes = renderPdf(slip, fonts, PdfPage::A4);
        out.format = DocumentFormat::Pdf;
        break;
    case kiosk::PrintFormat::PdfA5:
        out.bytes = renderPdf(slip, fonts, PdfPage::A5);
        out.format = DocumentFormat::Pdf;
        break;
    case kiosk::PrintFormat::PdfReceipt:
        out.bytes = renderPdf(slip, fonts, PdfPage::Receipt80);
        out.format = DocumentFormat::Pdf;
        break;
    }
    return out;
}

PrintService::PrintService(PrintServiceConfig config, FontSet fonts, Callback onDone)
    : m_config(std::move(config)), m_fonts(std::move(fonts)), m_onDone(std::move(onDone)), m_client(m_config.target)
{
    m_thread = std::thread([this] { run(); });
}

PrintService::~PrintService()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

PrintService::Ticket PrintService::print(Slip slip)
{
    std::lock_guard lock(m_mutex);
    Job job;
    job.ticket = m_nextTicket++;
    job.slip = std::move(slip);
    m_queue.push_back(std::move(job));
    m_wake.notify_one();
    return m_queue.back().ticket;
}

std::optional<PrintService::Ticket> PrintService::reprint(std::size_t n)
{
    std::lock_guard lock(m_mutex);
    if (n >= m_recent.size())
        return std::nullopt;
    Job job;
    job.ticket = m_nextTicket++;
    job.again = m_recent[n];
    m_queue.push_back(std::move(job));
    m_wake.notify_one();
    return m_queue.back().ticket;
}

std::vector<std::string> PrintService::recentTitles() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto& r : m_recent)
        out.push_back(r.title);
    return out;
}

void PrintService::forgetRecent()
{
    std::lock_guard lock(m_mutex);
    m_recent.clear();
}

PrinterCondition PrintService::printerCondition() const
{
    return m_client.printerCondition();
}

void PrintService::run()
{
    while (true)
    {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        RenderedSlip rendered = job.again ? std::move(*job.again) : renderSlip(*job.slip, m_fonts, m_config.format);
        if (!rendered.error.empty())
        {
            // Refused before CUPS: the flow shows the failure like any other, and nothing is kept.
            m_onDone(job.ticket, PrintResult{PrintOutcome::Failed, PrinterCondition::Unknown, 0,
                                             "the slip could not be rendered: " + rendered.error});
            continue;
        }
        const PrintResult result = m_client.print(rendered.bytes, rendered.format, rendered.title, m_config.deadline);
        if (job.slip)
        {
            std::lock_guard lock(m_mutex);
            m_recent.push_front(std::move(rendered));
            while (m_recent.size() > m_config.keepLast)
                m_recent.pop_back();
        }
        m_onDone(job.ticket, result);
    }
}

} // namespace okienko::receipt

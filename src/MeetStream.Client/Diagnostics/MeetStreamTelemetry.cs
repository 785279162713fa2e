using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace MeetStream.Client.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>MeetStream.Client</c>. Listen to
/// them with OpenTelemetry (<c>AddSource("MeetStream.Client")</c>, <c>AddMeter("MeetStream.Client")</c>); when nobody
/// listens, they cost a flag check.
/// </summary>
public static class MeetStreamTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "MeetStream.Client";

    /// <summary>Gets the SDK version, as in the <c>User-Agent</c> header.</summary>
    public static string Version { get; } = typeof(MeetStreamTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    /// <summary>
    /// Gets the <c>MeetStream.Client</c> meter. Companion packages (such as <c>MeetStream.Client.AspNetCore</c>) publish
    /// their instruments on it; to collect metrics, listen by name rather than through this property.
    /// </summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Duration of REST calls, including retries, in seconds.</summary>
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "meetstream.client.request.duration", unit: "s", description: "Duration of MeetStream REST calls including retries.");

    /// <summary>Retries of REST attempts.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "meetstream.client.request.retries", unit: "{retry}", description: "Retried MeetStream REST attempts.");
}

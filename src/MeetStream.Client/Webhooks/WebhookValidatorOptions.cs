using System.Globalization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Settings of a <see cref="WebhookValidator"/>: the signing secrets of your workspace webhook endpoints, the
/// secrets for callback URL tokens, whether unsigned deliveries are accepted, and the timestamp window.
/// <see cref="ToString"/> never shows a secret.
/// </summary>
public class WebhookValidatorOptions
{
    /// <summary>
    /// Gets the signing secrets of your workspace webhook endpoints (Dashboard → Webhooks). Every listed secret is
    /// accepted, so during a rotation list the new secret and the old one, then remove the old one.
    /// </summary>
    public IList<string> SigningSecrets { get; } = new List<string>();

    /// <summary>
    /// Gets the secrets that make and check callback URL tokens (<see cref="WebhookValidator.CreateCallbackUrl(string)"/>),
    /// the protection for per-bot <c>callback_url</c>, live transcript and participant deliveries, which MeetStream does
    /// not sign. The first secret makes new tokens; all are accepted. Generate one with <see cref="WebhookValidator.GenerateSecret"/>.
    /// </summary>
    public IList<string> CallbackTokenSecrets { get; } = new List<string>();

    /// <summary>
    /// Gets or sets whether deliveries with neither a signature nor a callback token are accepted. Default
    /// <see langword="false"/>. Turning this on means anyone who learns your endpoint's URL can send it events.
    /// </summary>
    public bool AllowUnsignedDeliveries { get; set; }

    /// <summary>
    /// Gets or sets how far <c>X-MeetStream-Timestamp</c> may be from now, in either direction. Default 5 minutes;
    /// <see langword="null"/> turns the window off (a malformed timestamp is still rejected). The timestamp is not
    /// signed, so this only limits replays by someone who cannot also change headers.
    /// </summary>
    public TimeSpan? TimestampTolerance { get; set; } = WebhookValidator.DefaultTimestampTolerance;

    /// <summary>
    /// Gets or sets whether signed deliveries must carry <c>X-MeetStream-Timestamp</c>. Default <see langword="false"/>:
    /// older deliveries may lack it, and when present it is always checked.
    /// </summary>
    public bool RequireTimestamp { get; set; }

    /// <summary>Gets or sets the clock for the timestamp window. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the settings with every secret masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{GetType().Name} {{ SigningSecrets = {Mask(SigningSecrets.Count)}, CallbackTokenSecrets = {Mask(CallbackTokenSecrets.Count)}, AllowUnsignedDeliveries = {AllowUnsignedDeliveries}, TimestampTolerance = {(TimestampTolerance?.ToString() ?? "off")}, RequireTimestamp = {RequireTimestamp} }}");

    private static string Mask(int count) => count == 0 ? "[]" : "[" + string.Join(", ", Enumerable.Repeat("***", count)) + "]";
}

using MeetStream.Client.Realtime;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Checks <see cref="MeetStreamBridgeOptions"/> at start-up, with messages that name the setting and the rule (never a token).</summary>
internal sealed class MeetStreamBridgeOptionsValidator : IValidateOptions<MeetStreamBridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetStreamBridgeOptions options)
    {
        var failures = new List<string>();
        if (options.AccessTokens.Count == 0 && !options.AllowAnonymous)
        {
            failures.Add($"MeetStream bridge: add at least one entry to {nameof(options.AccessTokens)} (see MeetStreamBridgeOptions.GenerateAccessToken), or set {nameof(options.AllowAnonymous)} = true for local development; anyone who knows the URL could otherwise listen to the meeting.");
        }

        for (var i = 0; i < options.AccessTokens.Count; i++)
        {
            var token = options.AccessTokens[i];
            if (token is null || token.Length < MeetStreamBridgeOptions.MinimumTokenLength || token.Any(char.IsWhiteSpace))
            {
                failures.Add($"MeetStream bridge: {nameof(options.AccessTokens)}[{i}] must be at least {MeetStreamBridgeOptions.MinimumTokenLength} characters without whitespace.");
            }
        }

        if (options.KeepAliveInterval < TimeSpan.Zero)
        {
            failures.Add($"MeetStream bridge: {nameof(options.KeepAliveInterval)} must be zero (off) or positive; got {options.KeepAliveInterval}.");
        }

        if (options.KeepAliveTimeout < TimeSpan.Zero && options.KeepAliveTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"MeetStream bridge: {nameof(options.KeepAliveTimeout)} must be zero or Timeout.InfiniteTimeSpan (off), or positive; got {options.KeepAliveTimeout}.");
        }

        if (options.PublicBaseUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "wss" or "ws")))
        {
            failures.Add($"MeetStream bridge: {nameof(options.PublicBaseUrl)} must be an absolute https, http, wss or ws URL.");
        }

        Check(failures, "Audio", options.Audio);
        Check(failures, "Control", options.Control);
        Check(failures, "Video", options.Video);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string channel, RealtimeChannelOptions options)
    {
        int maxMessageBytes = options.MaxMessageBytes;
        TimeSpan handshakeTimeout = options.HandshakeTimeout;
        TimeSpan closeTimeout = options.CloseTimeout;
        CheckLiveness(failures, channel, nameof(options.IdleTimeout), options.IdleTimeout);
        CheckLiveness(failures, channel, nameof(options.MessageTimeout), options.MessageTimeout);
        if (maxMessageBytes <= 0)
        {
            failures.Add($"MeetStream bridge: {channel}.MaxMessageBytes must be positive; got {maxMessageBytes}.");
        }

        if (handshakeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"MeetStream bridge: {channel}.HandshakeTimeout must be positive; got {handshakeTimeout}.");
        }

        if (closeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"MeetStream bridge: {channel}.CloseTimeout must be positive; got {closeTimeout}.");
        }
    }

    private static void CheckLiveness(List<string> failures, string channel, string name, TimeSpan value)
    {
        if (value != TimeSpan.Zero && value != Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value > RealtimeChannelOptions.MaxLivenessTimeout))
        {
            failures.Add($"MeetStream bridge: {channel}.{name} must be zero or Timeout.InfiniteTimeSpan (off), or positive and at most one day; got {value}.");
        }
    }
}

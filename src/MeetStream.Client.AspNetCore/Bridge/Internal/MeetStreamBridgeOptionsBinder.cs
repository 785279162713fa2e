using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Reads <see cref="MeetStreamBridgeOptions"/> from configuration by hand (no reflection binder: AOT safe):
/// <c>AccessTokens</c> (list, or comma separated) or <c>AccessToken</c>, <c>AllowAnonymous</c>, <c>PublicBaseUrl</c>,
/// <c>EnableVideo</c>, <c>KeepAliveInterval</c> and <c>KeepAliveTimeout</c> (<c>hh:mm:ss</c> or seconds),
/// <c>MaxMessageBytes</c> (audio and control), <c>MaxVideoMessageBytes</c>, <c>AudioIdleTimeout</c>,
/// <c>ControlIdleTimeout</c>, <c>VideoIdleTimeout</c>, <c>MessageTimeout</c> (audio and control),
/// <c>VideoMessageTimeout</c> (<c>0</c>, <c>Infinite</c> or <c>off</c> turns a timeout off). A bad value fails with the
/// key's path, never with a token.
/// </summary>
internal static class MeetStreamBridgeOptionsBinder
{
    public static void Bind(IConfiguration section, MeetStreamBridgeOptions options)
    {
        if (section["AccessToken"] is { Length: > 0 } one && !options.AccessTokens.Contains(one))
        {
            options.AccessTokens.Add(one);
        }

        var values = section.GetSection("AccessTokens").GetChildren().Select(c => c.Value)
            .Concat((section["AccessTokens"] ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var value in values)
        {
            if (value is { Length: > 0 } && !options.AccessTokens.Contains(value))
            {
                options.AccessTokens.Add(value);
            }
        }

        options.AllowAnonymous = Bool(section, nameof(options.AllowAnonymous)) ?? options.AllowAnonymous;
        options.EnableVideo = Bool(section, nameof(options.EnableVideo)) ?? options.EnableVideo;
        options.PublicBaseUrl = section[nameof(options.PublicBaseUrl)] is { Length: > 0 } url ? url : options.PublicBaseUrl;
        options.KeepAliveInterval = Duration(section, nameof(options.KeepAliveInterval)) ?? options.KeepAliveInterval;
        options.KeepAliveTimeout = Duration(section, nameof(options.KeepAliveTimeout)) ?? options.KeepAliveTimeout;
        options.Audio.IdleTimeout = Duration(section, "AudioIdleTimeout") ?? options.Audio.IdleTimeout;
        options.Control.IdleTimeout = Duration(section, "ControlIdleTimeout") ?? options.Control.IdleTimeout;
        options.Video.IdleTimeout = Duration(section, "VideoIdleTimeout") ?? options.Video.IdleTimeout;
        if (Duration(section, "MessageTimeout") is { } messageTimeout)
        {
            options.Audio.MessageTimeout = messageTimeout;
            options.Control.MessageTimeout = messageTimeout;
        }

        options.Video.MessageTimeout = Duration(section, "VideoMessageTimeout") ?? options.Video.MessageTimeout;
        if (Int(section, "MaxMessageBytes") is { } max)
        {
            options.Audio.MaxMessageBytes = max;
            options.Control.MaxMessageBytes = max;
        }

        options.Video.MaxMessageBytes = Int(section, "MaxVideoMessageBytes") ?? options.Video.MaxMessageBytes;
    }

    private static bool? Bool(IConfiguration section, string key) => section[key] is not { Length: > 0 } text
        ? null
        : bool.TryParse(text, out var value) ? value : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be true or false; got '{text}'.");

    private static int? Int(IConfiguration section, string key) => section[key] is not { Length: > 0 } text
        ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be a whole number; got '{text}'.");

    private static TimeSpan? Duration(IConfiguration section, string key)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (text.Equals("Infinite", StringComparison.OrdinalIgnoreCase) || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return double.IsFinite(seconds) && Math.Abs(seconds) <= TimeSpan.MaxValue.TotalSeconds / 2
                ? TimeSpan.FromSeconds(seconds)
                : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be a duration (hh:mm:ss or seconds); got '{text}'.");
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be a duration (hh:mm:ss or seconds); got '{text}'.");
    }

    private static string Path(IConfiguration section, string key) => section is IConfigurationSection named ? named.Path + ":" + key : key;
}

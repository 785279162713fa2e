using System.Globalization;
using MeetStream.Client;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="MeetStreamClientOptions"/> from configuration by hand (no reflection binder: AOT safe).
/// Durations accept <c>hh:mm:ss</c> or a number of seconds. A bad value fails with the key's name.
/// </summary>
internal static class MeetStreamOptionsBinder
{
    public static void Bind(IConfiguration section, MeetStreamClientOptions options)
    {
        if (section["ApiKey"] is { Length: > 0 } key)
        {
            options.ApiKey = key;
        }

        if (section["BaseUrl"] is { Length: > 0 } url)
        {
            options.BaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, "BaseUrl")}' is not an absolute URL: '{url}'.");
        }

        if (section["ApplicationName"] is { Length: > 0 } app)
        {
            options.ApplicationName = app;
        }

        options.AttemptTimeout = Duration(section, "AttemptTimeout") ?? options.AttemptTimeout;
        options.TotalTimeout = Duration(section, "TotalTimeout") ?? options.TotalTimeout;
        var retry = section.GetSection("Retry");
        if (retry["MaxRetries"] is { Length: > 0 } max)
        {
            options.Retry.MaxRetries = int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw new MeetStreamConfigurationException($"Configuration key '{Path(retry, "MaxRetries")}' must be a whole number; got '{max}'.");
        }

        if (retry["UseJitter"] is { Length: > 0 } jitter)
        {
            options.Retry.UseJitter = bool.TryParse(jitter, out var useJitter)
                ? useJitter
                : throw new MeetStreamConfigurationException($"Configuration key '{Path(retry, "UseJitter")}' must be true or false; got '{jitter}'.");
        }

        options.Retry.BaseDelay = Duration(retry, "BaseDelay") ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = Duration(retry, "MaxDelay") ?? options.Retry.MaxDelay;
        options.Retry.MaxRetryAfter = Duration(retry, "MaxRetryAfter") ?? options.Retry.MaxRetryAfter;
    }

    private static TimeSpan? Duration(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be a duration (hh:mm:ss or seconds); got '{text}'.");
    }

    private static string Path(IConfiguration section, string key) => section is IConfigurationSection s ? s.Path + ":" + key : key;
}

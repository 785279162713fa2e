using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Reads <see cref="MeetStreamWebhookOptions"/> from configuration by hand (no reflection binder: AOT safe).
/// Secrets are a list (<c>SigningSecrets:0</c>, <c>SigningSecrets:1</c>) or one value (<c>SigningSecret</c>,
/// <c>CallbackTokenSecret</c>). Durations accept <c>hh:mm:ss</c> or seconds. A bad value fails with the key's path,
/// never with a secret.
/// </summary>
internal static class MeetStreamWebhookOptionsBinder
{
    public static void Bind(IConfiguration section, MeetStreamWebhookOptions options)
    {
        AddSecrets(section, "SigningSecret", "SigningSecrets", options.SigningSecrets);
        AddSecrets(section, "CallbackTokenSecret", "CallbackTokenSecrets", options.CallbackTokenSecrets);
        options.AllowUnsignedDeliveries = Bool(section, nameof(options.AllowUnsignedDeliveries)) ?? options.AllowUnsignedDeliveries;
        options.RequireTimestamp = Bool(section, nameof(options.RequireTimestamp)) ?? options.RequireTimestamp;
        options.EnableDeduplication = Bool(section, nameof(options.EnableDeduplication)) ?? options.EnableDeduplication;
        if (section[nameof(options.TimestampTolerance)] is { Length: > 0 } tolerance && tolerance.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            options.TimestampTolerance = null;
        }
        else
        {
            options.TimestampTolerance = Duration(section, nameof(options.TimestampTolerance)) ?? options.TimestampTolerance;
        }

        options.EnqueueTimeout = Duration(section, nameof(options.EnqueueTimeout)) ?? options.EnqueueTimeout;
        options.DeduplicationExpiry = Duration(section, nameof(options.DeduplicationExpiry)) ?? options.DeduplicationExpiry;
        options.MaxBodyBytes = Int(section, nameof(options.MaxBodyBytes)) ?? options.MaxBodyBytes;
        options.QueueCapacity = Int(section, nameof(options.QueueCapacity)) ?? options.QueueCapacity;
        options.DeduplicationCapacity = Int(section, nameof(options.DeduplicationCapacity)) ?? options.DeduplicationCapacity;
    }

    private static void AddSecrets(IConfiguration section, string single, string list, IList<string> target)
    {
        if (section[single] is { Length: > 0 } one && !target.Contains(one))
        {
            target.Add(one);
        }

        foreach (var child in section.GetSection(list).GetChildren())
        {
            if (child.Value is { Length: > 0 } value && !target.Contains(value))
            {
                target.Add(value);
            }
        }

        if (section[list] is { Length: > 0 } inline)
        {
            foreach (var value in inline.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!target.Contains(value))
                {
                    target.Add(value);
                }
            }
        }
    }

    private static bool? Bool(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be true or false; got '{text}'.");
    }

    private static int? Int(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be a whole number; got '{text}'.");
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

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MeetStreamConfigurationException($"Configuration key '{Path(section, key)}' must be a duration (hh:mm:ss or seconds); got '{text}'.");
    }

    private static string Path(IConfiguration section, string key) => section is IConfigurationSection named ? named.Path + ":" + key : key;
}

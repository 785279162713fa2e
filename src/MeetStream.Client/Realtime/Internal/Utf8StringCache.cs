using System.Text;

namespace MeetStream.Client.Realtime.Internal;

/// <summary>
/// Turns UTF-8 bytes into strings without allocating when the same bytes were seen recently (speaker ids and names
/// repeat on every frame of a steady speaker). A small most-recently-used table; single-threaded by design.
/// </summary>
internal sealed class Utf8StringCache
{
    /// <summary>Keys longer than this are decoded every time rather than cached.</summary>
    public const int MaxKeyLength = 256;

    private readonly Entry[] _entries;
    private int _count;
    private long _clock;

    public Utf8StringCache(int capacity)
    {
        _entries = new Entry[Math.Max(1, capacity)];
    }

    /// <summary>Gets the number of strings decoded because they were not cached (for tests and diagnostics).</summary>
    public long Misses { get; private set; }

    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        var entries = _entries;
        for (int i = 0; i < _count; i++)
        {
            ref var entry = ref entries[i];
            if (utf8.SequenceEqual(entry.Key))
            {
                entry.LastUsed = ++_clock;
                return entry.Value;
            }
        }

        Misses++;
        string value = Encoding.UTF8.GetString(utf8);
        if (utf8.Length > MaxKeyLength)
        {
            return value;
        }

        int slot = _count < entries.Length ? _count++ : LeastRecentlyUsed();
        entries[slot] = new Entry { Key = utf8.ToArray(), Value = value, LastUsed = ++_clock };
        return value;
    }

    private int LeastRecentlyUsed()
    {
        int slot = 0;
        for (int i = 1; i < _entries.Length; i++)
        {
            if (_entries[i].LastUsed < _entries[slot].LastUsed)
            {
                slot = i;
            }
        }

        return slot;
    }

    private struct Entry
    {
        public byte[] Key;
        public string Value;
        public long LastUsed;
    }
}

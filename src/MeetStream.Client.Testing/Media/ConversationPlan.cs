namespace MeetStream.Client.Testing;

/// <summary>Spreads the configured conversation over a recording of a given length.</summary>
internal static class ConversationPlan
{
    public static IReadOnlyList<PlannedUtterance> Plan(IReadOnlyList<SimulatorUtterance> conversation, TimeSpan meeting)
    {
        var total = Math.Max(meeting.TotalSeconds, conversation.Count * 2.0);
        var slot = total / conversation.Count;
        var speakers = new List<string>();
        var result = new List<PlannedUtterance>(conversation.Count);
        for (var i = 0; i < conversation.Count; i++)
        {
            var line = conversation[i];
            var index = speakers.IndexOf(line.Speaker);
            if (index < 0)
            {
                speakers.Add(line.Speaker);
                index = speakers.Count - 1;
            }

            var parts = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = Math.Round((i * slot) + Math.Min(0.5, slot / 4), 3);
            var perWord = Math.Min(0.4, (slot * 0.8) / Math.Max(1, parts.Length));
            var words = new List<PlannedWord>(parts.Length);
            for (var w = 0; w < parts.Length; w++)
            {
                var bare = new string(parts[w].Where(c => char.IsLetterOrDigit(c) || c == '\'' || c == '-').ToArray()).ToLowerInvariant();
                var wordStart = Math.Round(start + (w * perWord), 3);
                words.Add(new PlannedWord(bare.Length == 0 ? parts[w] : bare, parts[w], wordStart, Math.Round(wordStart + (perWord * 0.9), 3)));
            }

            var end = words.Count > 0 ? words[^1].End : start;
            result.Add(new PlannedUtterance(i, line.Speaker, index, line.Text, start, end, words));
        }

        return result;
    }

    public static IReadOnlyList<string> Speakers(IReadOnlyList<SimulatorUtterance> conversation) =>
        conversation.Select(u => u.Speaker).Distinct(StringComparer.Ordinal).ToArray();
}

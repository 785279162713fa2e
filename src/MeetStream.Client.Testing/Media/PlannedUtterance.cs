namespace MeetStream.Client.Testing;

/// <summary>One line of the conversation placed on the recording's timeline (seconds from the start of recording).</summary>
internal sealed record PlannedUtterance(int Index, string Speaker, int SpeakerIndex, string Text, double Start, double End, IReadOnlyList<PlannedWord> Words);

/// <summary>One word of a planned utterance.</summary>
internal sealed record PlannedWord(string Word, string Punctuated, double Start, double End);

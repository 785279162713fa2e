using System.Security.Cryptography;

namespace MeetStream.Client.Testing;

/// <summary>The ids the simulator hands out: GUIDs for resources, random hex for tokens and suffixes.</summary>
internal static class SimulatorIds
{
    public static string NewId() => Guid.NewGuid().ToString("D");

    public static string RandomHex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}

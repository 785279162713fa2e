namespace MeetStream.Client.Tests.Packaging;

/// <summary>
/// Proves the repository's package validation wiring (Directory.Build.props): a tiny package built with the
/// repository's own Directory.Build.props, Directory.Packages.props, global.json and nuget.config settings is packed as
/// release 1.0.0 into a local folder feed; with <c>PackageValidationBaselineVersion=1.0.0</c> an unchanged 1.0.1 packs,
/// and a 1.0.2 that removed a public member fails the pack (CP0002).
/// </summary>
public sealed class PackageValidationTests
{
    private const string Id = "MeetStream.PackageValidationProbe";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pack_BaselineSetAndPublicMemberRemoved_FailsWhileUnchangedApiPacks()
    {
        var root = PackagingCommands.FindRoot();
        var work = PackagingCommands.CleanDirectory(Path.Combine(Path.GetTempPath(), "meetstream-package-validation-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", Path.Combine("assets", "icon.png") })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, file))!);
                File.Copy(Path.Combine(root, file), Path.Combine(work, file));
            }

            // The repository's nuget.config holds settings only; add the local release feed and the machine's package
            // cache as sources (a private packages folder keeps the probe out of the global cache).
            var cache = PackagingCommands.MachinePackageCache;
            var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
            await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), File.ReadAllText(Path.Combine(root, "nuget.config")).Replace("</configuration>", $"""
                  <packageSources>
                    <add key="releases" value="{feed}" />
                    <add key="machine-cache" value="{cache}" />
                  </packageSources>
                </configuration>
                """, StringComparison.Ordinal), Ct);

            var project = Directory.CreateDirectory(Path.Combine(work, "src", "Probe")).FullName;
            await File.WriteAllTextAsync(Path.Combine(project, "Probe.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <PackageId>{Id}</PackageId>
                    <Description>A probe of the package validation wiring.</Description>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Include="README.md" Pack="true" PackagePath="/" />
                  </ItemGroup>
                </Project>
                """, Ct);
            await File.WriteAllTextAsync(Path.Combine(project, "README.md"), "# " + Id + "\n", Ct);
            await WriteApiAsync(project, withRemovedMember: true);

            var release = await PackAsync(work, project, "1.0.0", baseline: null, feed);
            Assert.True(release.ExitCode == 0, "packing the 1.0.0 release failed:\n" + release.Output);
            Assert.True(File.Exists(Path.Combine(feed, Id + ".1.0.0.nupkg")));

            var unchanged = await PackAsync(work, project, "1.0.1", baseline: "1.0.0", Path.Combine(work, "out"));
            Assert.True(unchanged.ExitCode == 0, "an unchanged API failed validation against 1.0.0:\n" + unchanged.Output);

            await WriteApiAsync(project, withRemovedMember: false);
            var breaking = await PackAsync(work, project, "1.0.2", baseline: "1.0.0", Path.Combine(work, "out"));

            Assert.NotEqual(0, breaking.ExitCode);
            Assert.Contains("CP0002", breaking.Output, StringComparison.Ordinal);
            Assert.Contains("Probe.Api.Removed()", breaking.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Output)> PackAsync(string work, string project, string version, string? baseline, string output)
    {
        string[] args = ["pack", project, "-c", "Release", "-o", output, "--nologo", "-clp:NoSummary", "-p:MinVerVersionOverride=" + version, "-p:RestorePackagesPath=" + Path.Combine(work, "packages")];
        if (baseline is not null)
        {
            args = [.. args, "-p:PackageValidationBaselineVersion=" + baseline];
        }

        return PackagingCommands.RunAsync("dotnet", args, work, TimeSpan.FromMinutes(15)); // a hang guard: well under a minute on idle cores
    }

    private static Task WriteApiAsync(string project, bool withRemovedMember)
    {
        var removed = withRemovedMember ? "    /// <summary>A member the breaking version removes.</summary>\n    public int Removed() => 2;" : "";
        return File.WriteAllTextAsync(Path.Combine(project, "Api.cs"), $$"""
            namespace Probe;

            /// <summary>The probe's public API.</summary>
            public sealed class Api
            {
                /// <summary>A member every version keeps.</summary>
                public int Kept() => 1;

            {{removed}}
            }
            """, Ct);
    }
}

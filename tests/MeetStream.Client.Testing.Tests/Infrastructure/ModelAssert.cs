using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Testing.Tests.Infrastructure;

/// <summary>
/// Checks that a response parsed by the SDK carries every documented field: every property with a
/// <see cref="JsonPropertyNameAttribute"/> is non-null (recursively through nested models and lists), and no field
/// landed in <see cref="MeetStreamObject.AdditionalProperties"/> (which would mean a misspelt name).
/// </summary>
public static class ModelAssert
{
    /// <summary>
    /// Asserts completeness. <paramref name="mayBeNull"/> lists wire names allowed to be null or missing (legacy-only
    /// fields, values that are null by definition); <paramref name="skip"/> lists wire names that must be present but whose
    /// content is not checked (echoes of request objects); <paramref name="allowExtra"/> lists undocumented names the simulator adds on purpose.
    /// </summary>
    public static void Complete(object model, string[]? mayBeNull = null, string[]? skip = null, string[]? allowExtra = null)
    {
        var problems = new List<string>();
        Walk(model, model.GetType().Name, new HashSet<string>(mayBeNull ?? [], StringComparer.Ordinal), new HashSet<string>(skip ?? [], StringComparer.Ordinal), new HashSet<string>(allowExtra ?? [], StringComparer.Ordinal), problems);
        Assert.True(problems.Count == 0, "The simulator's response is missing documented fields or sends unknown ones:\n" + string.Join("\n", problems));
    }

    private static void Walk(object? value, string path, HashSet<string> mayBeNull, HashSet<string> skip, HashSet<string> allowExtra, List<string> problems)
    {
        switch (value)
        {
            case null or string or JsonElement:
                return;
            case MeetStreamObject model:
                if (model.AdditionalProperties is { Count: > 0 } extra)
                {
                    foreach (var name in extra.Keys.Where(k => !allowExtra.Contains(k)))
                    {
                        problems.Add($"{path}: unknown field '{name}'");
                    }
                }

                foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var wire = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
                    if (wire is null || property.GetIndexParameters().Length > 0)
                    {
                        continue;
                    }

                    var child = property.GetValue(model);
                    if (child is null)
                    {
                        if (!mayBeNull.Contains(wire))
                        {
                            problems.Add($"{path}.{wire} is missing");
                        }

                        continue;
                    }

                    if (!skip.Contains(wire))
                    {
                        Walk(child, $"{path}.{wire}", mayBeNull, skip, allowExtra, problems);
                    }
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Walk(entry.Value, $"{path}[{entry.Key}]", mayBeNull, skip, allowExtra, problems);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    Walk(item, $"{path}[{index++}]", mayBeNull, skip, allowExtra, problems);
                }

                return;
        }
    }
}

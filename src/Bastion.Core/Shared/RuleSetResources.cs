using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bastion.Shared;

/// <summary>The rule sets shipped with Bastion: JSON files under Rules/ embedded in this assembly (DESIGN §4).</summary>
public static class RuleSetResources
{
    /// <summary>Strict reading: an unknown field is an error, so a typo in a rule set fails loudly.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Stream Open(string fileName)
    {
        var assembly = typeof(RuleSetResources).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The rule set resource '{fileName}' is not embedded in {assembly.GetName().Name}.");
        return assembly.GetManifestResourceStream(name)!;
    }
}

namespace Bastion.Generation;

/// <summary>The dataset sizes of DESIGN §7: demo (a county), city, province.</summary>
public sealed record ScaleProfile(string Name, int Cities, int CountiesPerCity)
{
    public static readonly ScaleProfile Demo = new("demo", 1, 1);
    public static readonly ScaleProfile City = new("city", 1, 20);
    public static readonly ScaleProfile Province = new("province", 12, 20);

    public static IReadOnlyList<ScaleProfile> All { get; } = [Demo, City, Province];

    public static ScaleProfile? Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

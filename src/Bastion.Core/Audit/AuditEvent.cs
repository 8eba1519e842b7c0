using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bastion.Audit;

/// <summary>审计记录: an append-only event, chained to its predecessor by SHA-256.</summary>
public class AuditEvent
{
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>JSON of the change: {"Field":[old,new]} for updates, the values for creates and deletes.</summary>
    public required string Changes { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>hash = SHA-256(prev_hash || canonical event).</summary>
    public string ComputeHash() => ComputeHash(PrevHash, Seq, At, Actor, Entity, EntityId, Action, Changes);

    public static string ComputeHash(string prevHash, long seq, DateTime at, string actor, string entity, string entityId, string action, string changes)
    {
        var canonical = string.Join('\n',
            prevHash,
            seq.ToString(CultureInfo.InvariantCulture),
            at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            actor, entity, entityId, action, changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The chain's head (last sequence number and hash), updated in the same transaction as each append,
/// so deleting the newest events is detected too.</summary>
public class AuditHead
{
    public int Id { get; set; } = 1;
    public long LastSeq { get; set; }
    public required string LastHash { get; set; }
}

public static class AuditActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    /// <summary>Someone saw personal data unmasked.</summary>
    public const string Reveal = "Reveal";
    public const string Generate = "Generate";
}

namespace Bastion.Members;

/// <summary>A party member (党员). Personal data is encrypted at rest; see <see cref="Security.PiiProtector"/>.</summary>
public class Member : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long RegionId { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>公民身份号码, AES-GCM ciphertext.</summary>
    public required byte[] ResidentIdCipher { get; set; }
    /// <summary>Keyed hash of the normalized resident ID, for exact lookup and uniqueness.</summary>
    public required string ResidentIdHash { get; set; }
    /// <summary>The masked form shown on screens, e.g. 2301**********123X.</summary>
    public required string ResidentIdMasked { get; set; }

    /// <summary>民族, e.g. 汉族.</summary>
    public string? Ethnicity { get; set; }

    /// <summary>手机号码, AES-GCM ciphertext.</summary>
    public byte[]? PhoneCipher { get; set; }
    /// <summary>The masked form shown on screens, e.g. 138****5678.</summary>
    public string? PhoneMasked { get; set; }

    public Education? Education { get; set; }
    /// <summary>职业 / 工作岗位.</summary>
    public string? Occupation { get; set; }

    public MemberCategory Category { get; set; }
    public MemberStatus Status { get; set; } = MemberStatus.Active;
    /// <summary>Date admitted as a probationary member (入党时间).</summary>
    public DateOnly JoinedOn { get; set; }
    /// <summary>Date made a full member (转正时间); null while probationary.</summary>
    public DateOnly? FullOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum Gender { Male = 1, Female = 2 }

/// <summary>学历</summary>
public enum Education
{
    /// <summary>研究生</summary>
    Postgraduate = 1,
    /// <summary>大学本科</summary>
    Bachelor = 2,
    /// <summary>大学专科</summary>
    College = 3,
    /// <summary>中专</summary>
    Vocational = 4,
    /// <summary>高中</summary>
    HighSchool = 5,
    /// <summary>初中及以下</summary>
    JuniorHighOrBelow = 6,
}

public enum MemberCategory
{
    /// <summary>正式党员</summary>
    Full = 1,
    /// <summary>预备党员</summary>
    Probationary = 2,
}

public enum MemberStatus
{
    Active = 1,
    TransferredOut = 2,
    Deceased = 3,
    Left = 4,
}

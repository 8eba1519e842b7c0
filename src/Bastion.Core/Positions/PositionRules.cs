using Bastion.Organizations;

namespace Bastion.Positions;

/// <summary>Position rules (pure): who may hold which role where, and when a secretary vacancy becomes a warning.</summary>
public static class PositionRules
{
    public const string OneSecretaryRule = "Positions.OneSecretary";
    public const string SecretaryVacantRule = "Positions.SecretaryVacant";

    /// <summary>A secretary post vacant longer than this is a warning (DOMAIN §8: "secretary long vacant").</summary>
    public const int VacancyWarningMonths = 3;

    /// <summary>Group leaders (党小组组长) lead 党小组; every other role belongs to a committee or branch, never to a group.</summary>
    public static bool FitsOrganization(PositionRole role, OrganizationKind kind) =>
        role == PositionRole.GroupLeader ? kind == OrganizationKind.Group : kind != OrganizationKind.Group;

    /// <summary>At most one current secretary per organization.</summary>
    public static bool MayAppointSecretary(int currentSecretaries) => currentSecretaries == 0;

    /// <summary>Appointments and endings are recorded after they happen.</summary>
    public static bool IsNotInFuture(DateOnly date, DateOnly today) => date <= today;

    /// <summary>A term ends on or after the day it started.</summary>
    public static bool EndsAfterStart(DateOnly startedOn, DateOnly endedOn) => endedOn >= startedOn;

    /// <summary>Days the post has been vacant since <paramref name="vacantSince"/> (0 on the day itself).</summary>
    public static int VacancyDays(DateOnly vacantSince, DateOnly today) => Math.Max(0, today.DayNumber - vacantSince.DayNumber);

    /// <summary>Vacant for more than 3 months: exactly 3 months is not yet a warning, 3 months and 1 day is.</summary>
    public static bool IsLongVacant(DateOnly vacantSince, DateOnly today) => today > vacantSince.AddMonths(VacancyWarningMonths);

    /// <summary>Secretaries first, then deputies, commissioners, members, group leaders.</summary>
    public static int SortOrder(PositionRole role) => (int)role;
}

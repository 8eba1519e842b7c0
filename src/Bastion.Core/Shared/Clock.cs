namespace Bastion.Shared;

public static class Clock
{
    /// <summary>UTC now truncated to microseconds, the precision both providers store.</summary>
    public static DateTime UtcNow(TimeProvider time) => Truncate(time.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime t) =>
        DateTime.SpecifyKind(new DateTime(t.Ticks - t.Ticks % 10, DateTimeKind.Utc), DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}

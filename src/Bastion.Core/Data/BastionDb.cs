using System.Linq.Expressions;
using Bastion.Audit;
using Bastion.Identity;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Data;

public partial class BastionDb(DbContextOptions<BastionDb> options, IDataScope scope, TimeProvider time)
    : IdentityDbContext<BastionUser, IdentityRole<long>, long>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public IDataScope Scope { get; } = scope;
    public TimeProvider Time { get; } = time;

    // Read by the query filters at execution time (EF parameterizes context members).
    internal string ScopePath => Scope.Path;
    internal string ScopeUpper => TreePath.UpperBound(Scope.Path);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var b = builder;
        var npgsql = Database.IsNpgsql();

        b.Entity<Organization>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            var path = e.Property(o => o.Path).HasMaxLength(400);
            // Byte order makes "/1/17/" .. "/1/17/~" exactly the subtree, whatever the database's locale.
            if (npgsql) path.UseCollation("C");
            e.HasIndex(o => o.Path).IsUnique();
            e.HasIndex(o => o.ParentId);
            e.HasIndex(o => o.RegionId);
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(o => string.Compare(o.Path, ScopePath) >= 0 && string.Compare(o.Path, ScopeUpper) < 0);
        });

        b.Entity<Member>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(100);
            e.Property(m => m.ResidentIdHash).HasMaxLength(64);
            e.Property(m => m.ResidentIdMasked).HasMaxLength(18);
            e.HasIndex(m => m.ResidentIdHash).IsUnique();
            e.HasIndex(m => new { m.OrganizationId, m.Name });
            e.HasIndex(m => m.RegionId);
            e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<BastionUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.Role).HasMaxLength(40);
            e.HasIndex(u => u.OrganizationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Hint).HasMaxLength(16);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.HasOne<BastionUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AuditEvent>(e =>
        {
            e.HasKey(a => a.Seq);
            e.Property(a => a.Seq).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Entity).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.PrevHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.Entity, a.EntityId });
        });
        b.Entity<AuditHead>(e => e.Property(h => h.Id).ValueGeneratedNever());

        // Each module maps its own entities in IEntityTypeConfiguration classes beside them.
        b.ApplyConfigurationsFromAssembly(typeof(BastionDb).Assembly);

        // The data scope, in one place: every entity owned by an organization is limited to the user's subtree.
        foreach (var entity in b.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IOrganizationOwned).IsAssignableFrom(t.ClrType)).ToList())
            entity.SetQueryFilter(ScopeFilterFor(entity.ClrType));
    }

    private LambdaExpression ScopeFilterFor(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var ownerId = Expression.Property(row, nameof(IOrganizationOwned.OrganizationId));
        var filter = (LambdaExpression)GetType().GetMethod(nameof(InScope), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, [Expression.Lambda(typeof(Func<,>).MakeGenericType(type, typeof(long)), ownerId, row)])!;
        return filter;
    }

    /// <summary>The data-scope filter for rows owned by an organization: the owner must lie in the subtree.</summary>
    private Expression<Func<T, bool>> InScope<T>(Expression<Func<T, long>> organizationId)
    {
        Expression<Func<long, bool>> inSubtree = id => Organizations.Any(o => o.Id == id);
        var row = organizationId.Parameters[0];
        var body = new ParameterReplacer(inSubtree.Parameters[0], organizationId.Body).Visit(inSubtree.Body);
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

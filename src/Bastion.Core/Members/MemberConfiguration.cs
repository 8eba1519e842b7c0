using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Members;

/// <summary>The member record's later columns; the original ones are mapped in BastionDb and EF merges both.</summary>
public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Ethnicity).HasMaxLength(20);
        builder.Property(m => m.PhoneMasked).HasMaxLength(20);
        builder.Property(m => m.Occupation).HasMaxLength(100);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ConcurrencyLab.Portal.Data.Migrations;

/// <summary>The model as of the latest migration; EF compares it with the code to spot missing migrations.</summary>
[DbContext(typeof(PortalDbContext))]
public sealed class PortalDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("ConcurrencyLab.Portal.Data.StoredRun", b =>
        {
            b.Property<string>("Id").HasMaxLength(32).HasColumnType("TEXT");
            b.Property<DateTime>("CreatedUtc").HasColumnType("TEXT");
            b.Property<string>("DemoId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.Property<long>("DurationMicros").HasColumnType("INTEGER");
            b.Property<int>("EventCount").HasColumnType("INTEGER");
            b.Property<string>("EventsJson").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ParametersJson").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Status").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("CreatedUtc");
            b.ToTable("Runs");
        });
    }
}

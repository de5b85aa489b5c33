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

        modelBuilder.Entity("ConcurrencyLab.Portal.Data.RunChunk", b =>
        {
            b.Property<string>("RunId").HasMaxLength(32).HasColumnType("TEXT");
            b.Property<int>("First").HasColumnType("INTEGER");
            b.Property<int>("Count").HasColumnType("INTEGER");
            b.Property<byte[]>("Data").IsRequired().HasColumnType("BLOB");
            b.Property<string>("Encoding").IsRequired().HasMaxLength(8).HasColumnType("TEXT");
            b.HasKey("RunId", "First");
            b.ToTable("RunChunks");
        });

        modelBuilder.Entity("ConcurrencyLab.Portal.Data.StoredRun", b =>
        {
            b.Property<string>("Id").HasMaxLength(32).HasColumnType("TEXT");
            b.Property<DateTime>("CreatedUtc").HasColumnType("TEXT");
            b.Property<string>("DemoId").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.Property<long>("DurationMicros").HasColumnType("INTEGER");
            b.Property<DateTime?>("EndedUtc").HasColumnType("TEXT");
            b.Property<int>("EventCount").HasColumnType("INTEGER");
            b.Property<string>("OwnerId").HasMaxLength(32).HasColumnType("TEXT");
            b.Property<string>("ParametersJson").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Status").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.Property<long>("StoredBytes").HasColumnType("INTEGER");
            b.Property<string>("SummaryJson").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("CreatedUtc");
            b.HasIndex("OwnerId", "CreatedUtc");
            b.ToTable("Runs");
        });

        modelBuilder.Entity("ConcurrencyLab.Portal.Data.RunChunk", b =>
        {
            b.HasOne("ConcurrencyLab.Portal.Data.StoredRun", null).WithMany().HasForeignKey("RunId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired();
        });
    }
}

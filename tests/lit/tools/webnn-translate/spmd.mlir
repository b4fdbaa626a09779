// A graph large enough to split: every thread runs main_spmd, with a barrier before the
// transpose, which reads rows other threads wrote. The barrier is atomics in the IR.
// RUN: webnn-translate %s --emit=llvm | FileCheck %s
// CHECK: define internal void @"step_0"(
// CHECK: define internal void @"step_1"(
// CHECK: define void @"main_spmd"(ptr %{{.*}}, i64 %{{.*}}, i64 %{{.*}}, ptr %{{.*}}) noinline
// CHECK: call {{.*}}void @"webnn_barrier"(
// CHECK: define internal void @"webnn_barrier"(ptr %{{.*}}, i64 %{{.*}})
// CHECK: load atomic i64, ptr %{{.*}} acquire, align 8
// CHECK: atomicrmw add ptr %{{.*}}, i64 1 acq_rel
// CHECK: store atomic i64 %{{.*}}, ptr %{{.*}} release, align 8
// CHECK: call {{.*}}i32 @"sched_yield"()
// CHECK: define void @"main"(
// CHECK: call {{.*}}void @"main_spmd"(
// RUN: webnn-translate %s --emit=asm | FileCheck %s --check-prefix=ASM
// ASM: main_spmd:
// ASM: main:

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2048x1024xf32> {webnn.name = "x"}) -> (tensor<2048x1024xf32> {webnn.name = "y"}, tensor<1024x2048xf32> {webnn.name = "t"}) {
    %0 = webnn.exp %x : (tensor<2048x1024xf32>) -> tensor<2048x1024xf32>
    %1 = webnn.transpose %0 : (tensor<2048x1024xf32>) -> tensor<1024x2048xf32>
    func.return %0, %1 : tensor<2048x1024xf32>, tensor<1024x2048xf32>
  }
}

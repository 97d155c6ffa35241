// LD_PRELOAD shim for the benchmarks: counts SQL statement executions of a textura
// binary from outside, the same way for any build. The SQLite driver calls
// sqlite3_clear_bindings once per statement run (SqliteConnection::RunSpan), so its
// calls are the statements. The count is written to $TEXTURA_STATEMENT_COUNT_FILE
// every 50 ms. Build: cc -O2 -shared -fPIC -o count_statements.so count_statements.c -ldl -lpthread
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static atomic_long statements;
static int (*real_clear_bindings)(void*);

int sqlite3_clear_bindings(void* stmt) {
  if (!real_clear_bindings) real_clear_bindings = (int (*)(void*))dlsym(RTLD_NEXT, "sqlite3_clear_bindings");
  atomic_fetch_add(&statements, 1);
  return real_clear_bindings(stmt);
}

static void* writer(void* path) {
  const struct timespec pause = {0, 50 * 1000 * 1000};
  for (;;) {
    nanosleep(&pause, NULL);
    FILE* f = fopen((const char*)path, "w");
    if (!f) continue;
    fprintf(f, "%ld\n", atomic_load(&statements));
    fclose(f);
  }
  return NULL;
}

__attribute__((constructor)) static void start(void) {
  const char* path = getenv("TEXTURA_STATEMENT_COUNT_FILE");
  if (!path) return;
  pthread_t t;
  pthread_create(&t, NULL, writer, (void*)path);
  pthread_detach(t);
}

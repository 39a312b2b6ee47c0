/*
 * extension/pg/module.c
 *
 * The one PG_MODULE_MAGIC of sahel_news.so.  Each type's glue lives in a file
 * of its own beside this one.
 */
#include "sn_pg.h"

PG_MODULE_MAGIC;

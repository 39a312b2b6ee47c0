# tests/compare/meltt.R — runs the meltt R package (Donnay and Dunford) on the
# events that tests/compare/meltt.sh exports, and writes the events it merged.
#
# Rscript tests/compare/meltt.R EVENTS.csv OUT.csv FLAGS.csv TWINDOW SPATWINDOW
#
# EVENTS.csv: one row per event of ACLED, UCDP GED, GTD and SCAD with
#   cy, dataset, event_id, date, enddate, latitude, longitude, category,
#   level2, level1
# where date/enddate are the dataset's own dates (enddate = date for a
# dataset that has no end date), category the dataset's own event type and
# level2/level1 its place in the event taxonomy (finer, coarser).
# Each country-year (cy) is integrated separately, the datasets in the order
# of the meltt paper's replication (ACLED leading, then UCDP GED, GTD, SCAD),
# with one taxonomy, event_type: base category -> level2 -> level1, built from
# the pairs present in EVENTS.csv.  Other settings are meltt's defaults
# (smartmatch = TRUE, partial = 0, averaging = FALSE, equal weight).
#
# OUT.csv: cy, kind, cluster, dataset, event_id — one row per event of each
# group of events meltt matched: kind is "event" for event_matched (one-day
# events matched to one another) and "episode" for episode_matched (events
# with enddate > date matched to one another).
# FLAGS.csv: cy, dataset, event_id, episode_dataset, episode_id — the
# episode-to-event matches that meltt does not merge but flags for review
# (the episodal_match column of its deduplicated index).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 5) {
  stop("usage: Rscript meltt.R EVENTS.csv OUT.csv FLAGS.csv TWINDOW SPATWINDOW", call. = FALSE)
}
suppressPackageStartupMessages(library(meltt))
events <- read.csv(args[1], colClasses = "character")
twindow <- as.numeric(args[4])
spatwindow <- as.numeric(args[5])
datasets <- c("acled", "ucdp_ged", "gtd", "scad")

# meltt names its inputs by the expressions passed to it and looks them up
# from its own frame: the data frames live in the global environment under
# the datasets' names, which the taxonomy's data.source column repeats.
tax <- unique(events[, c("dataset", "category", "level2", "level1")])
event_type <- data.frame(data.source = tax$dataset, base.categories = tax$category,
                         level2 = tax$level2, level1 = tax$level1, stringsAsFactors = FALSE)

# the events of one group of meltt's matched table: every (dataset, event)
# pair of columns with a dataset, event numbers being row numbers of the
# input data frame
members <- function(row) {
  out <- NULL
  for (j in seq(1, length(row) - 1, by = 2)) {
    d <- as.integer(row[[j]]); e <- as.integer(row[[j + 1]])
    if (!is.na(d) && !is.na(e) && d > 0 && e > 0) {
      out <- rbind(out, data.frame(dataset = datasets[d],
                                   event_id = event_id(d, e),
                                   stringsAsFactors = FALSE))
    }
  }
  out
}

# the event id of row e of dataset number d
event_id <- function(d, e) get(datasets[d], envir = globalenv())$event_id[e]

result <- NULL
flags <- NULL
for (cy in sort(unique(events$cy))) {
  for (d in datasets) {
    x <- events[events$cy == cy & events$dataset == d, ]
    x <- x[order(as.numeric(x$event_id)), ]
    assign(d, data.frame(event_id = x$event_id,
                         date = as.Date(x$date), enddate = as.Date(x$enddate),
                         latitude = as.numeric(x$latitude), longitude = as.numeric(x$longitude),
                         event_type = x$category, stringsAsFactors = FALSE),
           envir = globalenv())
  }
  started <- proc.time()[["elapsed"]]
  m <- meltt(acled, ucdp_ged, gtd, scad, taxonomies = list(event_type = event_type),
             twindow = twindow, spatwindow = spatwindow, silent = TRUE)
  seconds <- proc.time()[["elapsed"]] - started
  for (kind in c("event", "episode")) {
    tab <- as.data.frame(m$processed[[paste0(kind, "_matched")]])
    for (i in seq_len(nrow(tab))) {
      g <- members(as.list(tab[i, ]))
      if (!is.null(g) && nrow(g) > 1) {
        result <- rbind(result, data.frame(cy = cy, kind = kind, cluster = i, g, stringsAsFactors = FALSE))
      }
    }
  }
  # episodal_match holds "dataset_event" of each episode, comma-separated
  di <- m$processed$deduplicated_index
  flagged <- 0
  if (!is.null(di$episodal_match)) {
    for (i in which(di$episodal_match != "")) {
      flagged <- flagged + 1
      for (ep in strsplit(di$episodal_match[i], ", ", fixed = TRUE)[[1]]) {
        de <- as.integer(strsplit(ep, "_", fixed = TRUE)[[1]])
        flags <- rbind(flags, data.frame(cy = cy, dataset = datasets[di$dataset[i]],
                                         event_id = event_id(di$dataset[i], di$event[i]),
                                         episode_dataset = datasets[de[1]], episode_id = event_id(de[1], de[2]),
                                         stringsAsFactors = FALSE))
      }
    }
  }
  cat(sprintf("meltt %s, %s, twindow %g, spatwindow %g: %d events, %d event groups, %d episode groups, %d events flagged with an episode match (not merged), %.1f s\n",
              as.character(packageVersion("meltt")), cy, twindow, spatwindow,
              sum(events$cy == cy), nrow(m$processed$event_matched), nrow(m$processed$episode_matched),
              flagged, seconds))
}
if (is.null(result)) {
  result <- data.frame(cy = character(), kind = character(), cluster = integer(),
                       dataset = character(), event_id = character())
}
write.csv(result, args[2], row.names = FALSE)
if (is.null(flags)) {
  flags <- data.frame(cy = character(), dataset = character(), event_id = character(),
                      episode_dataset = character(), episode_id = character())
}
write.csv(flags, args[3], row.names = FALSE)

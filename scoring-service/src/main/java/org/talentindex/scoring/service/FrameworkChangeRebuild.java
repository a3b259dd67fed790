package org.talentindex.scoring.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.talentindex.scoring.framework.FrameworkRegistry;
import org.talentindex.scoring.framework.FrameworkRegistry.FrameworksChanged;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/** When a framework's definition changes, each of its framework-periods is scored again; a new version is published where the scores moved. */
@ApplicationScoped
public class FrameworkChangeRebuild {

    @Inject
    ScoringService scoring;

    @Inject
    FrameworkRegistry frameworks;

    void rebuild(@Observes FrameworksChanged changed) {
        for (FrameworkPeriodKey key : scoring.storedKeys()) {
            if (changed.frameworkIds().contains(key.frameworkId()) && frameworks.find(key.frameworkId()).isPresent()) {
                boolean published = scoring.rebuild(key);
                Log.infof("Framework %s changed: %s/%s scored again%s", key.frameworkId(), key.frameworkId(), key.period(),
                        published ? ", a new version published" : ", the scores stand");
            }
        }
    }
}

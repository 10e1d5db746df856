/*
 * The Jenkins half of `./mvnw -pl plugin hpi:run -Pdemo` (docs/demo.md). Serves the emulator's demo
 * export inside this Jenkins, then sets up what an administrator would for a real account:
 * credentials, the plugin's global configuration and a Pipeline job. Runs on every start: it adds
 * what is missing and points what exists at this start's emulator, so nothing is ever duplicated.
 */
import com.cloudbees.plugins.credentials.CredentialsScope
import com.cloudbees.plugins.credentials.SystemCredentialsProvider
import com.cloudbees.plugins.credentials.domains.Domain
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl
import hudson.ExtensionList
import hudson.model.listeners.ItemListener
import io.jenkins.plugins.dataworks.DataWorksGlobalConfiguration
import java.util.logging.Level
import java.util.logging.Logger
import jenkins.model.Jenkins
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition
import org.jenkinsci.plugins.workflow.job.WorkflowJob

def log = Logger.getLogger('io.jenkins.plugins.dataworks.demo')
// With the script as the source: Logger.info would name a Groovy call site class instead.
def say = { String when, String message -> log.logp(Level.INFO, 'dataworks-demo.groovy', when, 'DataWorks demo: ' + message) }
def credentialsId = 'dataworks-demo'
// The ids the README's and docs' examples use, so that they run unchanged here (docs/demo.md).
def exampleCredentialsIds = ['dataworks-prod', 'dataworks']
def jobName = 'dataworks-demo'

// A class loader of its own for the -all jar, so the emulator's gson and xz never meet Jenkins' or the plugin's.
def jar = new File(System.getProperty('dataworks.demo.emulatorJar'))
def loader = new URLClassLoader('dataworks-demo-emulator', [jar.toURI().toURL()] as URL[], ClassLoader.platformClassLoader)
def scenarios = loader.loadClass('io.jenkins.plugins.dataworks.emulator.scenario.Scenarios')
// Any free port unless one is asked for: a fixed one could be taken, and every setting below follows the endpoint.
def emulator = loader.loadClass('io.jenkins.plugins.dataworks.emulator.DataWorksEmulator').builder()
        .port(Integer.getInteger('dataworks.demo.emulatorPort', 0))
        .scenario(scenarios.demoWithExampleIds())
        .build()
        .start()
// Jenkins can stop without the JVM ending (hpi:run reloads the webapp on Enter); the next start serves a new emulator.
ExtensionList.lookup(ItemListener).add(new ItemListener() {
    @Override
    void onBeforeShutdown() {
        emulator.close()
        say('shutdown', 'emulator stopped')
    }
})
def endpoint = emulator.endpoint().toString()

// The demo AccessKey is public and fake; it is accepted by this emulator and nowhere else.
def store = SystemCredentialsProvider.instance.store
([credentialsId] + exampleCredentialsIds).each { id ->
    if (!store.getCredentials(Domain.global()).any { it.id == id }) {
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id,
                'DataWorks emulator demo AccessKey (public, fake)', scenarios.DEMO_ACCESS_KEY_ID, scenarios.DEMO_ACCESS_KEY_SECRET))
    }
}

// Signed calls and downloads go only where an administrator allows; the emulator is plain http on loopback.
// Steps without an endpoint of their own (the docs' examples) come here instead of the real cloud.
def config = DataWorksGlobalConfiguration.get()
if (config.defaultRegion == null) {
    config.defaultRegion = 'cn-shanghai'
}
config.defaultEndpoint = endpoint
config.allowedEndpoints = endpoint
config.allowedDownloadHosts = emulator.endpoint().host
// The emulator's migrations move on every poll: the real cloud's 15 s start, growing to 150 s, would
// make a promotion take minutes here instead of seconds. Only if unset, like the region.
if (config.defaultPollInterval == null) {
    config.defaultPollInterval = '2s'
}
if (config.defaultMaxPollInterval == null) {
    config.defaultMaxPollInterval = '2s'
}

def script = """\
// Waits for the emulator's demo export (INIT, EXPORTING, then EXPORT_SUCCESS), downloads, verifies and
// archives its package. No node {}: the wait holds no executor. Later builds find the export already
// finished: the emulator's timeline only moves forward, until the demo starts again.
// The endpoint and the poll interval come from the global configuration (Manage Jenkins, System).
def r = waitForDataWorksMigration projectId: ${scenarios.DEMO_PROJECT_ID}, migrationId: ${scenarios.DEMO_MIGRATION_ID},
        credentialsId: '${credentialsId}'
echo "waitForDataWorksMigration returned \${r}"
"""
def job = Jenkins.get().getItemByFullName(jobName, WorkflowJob)
if (job == null) {
    job = Jenkins.get().createProject(WorkflowJob, jobName)
}
job.description = 'Waits for the DataWorks emulator\'s demo export. Set up by plugin/src/demo/init.groovy.d, ' +
        'which points the global configuration at each start\'s emulator.'
if (!(job.definition instanceof CpsFlowDefinition) || job.definition.script != script) {
    job.definition = new CpsFlowDefinition(script, true)
}
job.save()

say('start', "emulator serving workspace ${scenarios.DEMO_PROJECT_ID}, export migration ${scenarios.DEMO_MIGRATION_ID} " +
        "(and the docs' ${scenarios.EXAMPLES_PROJECT_ID}, ${scenarios.EXAMPLES_MIGRATION_ID}) at ${endpoint}, " +
        "the default endpoint; open the job '${jobName}' and click Build Now")
